package io.cloudya.billing.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Replaces the Kafka fast path (the outbox auto-configuration backs off when this bean exists). */
@TestConfiguration(proxyBeanMethods = false)
public class RecordingFastPathConfig {

    @Bean
    RecordingFastPath recordingFastPath() {
        return new RecordingFastPath();
    }
}

package io.cloudya.relay.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The relay application against the class's {@code @EmbeddedKafka}, with retries short enough for a test. One test
 * instance per class, so the class's {@link RelayedDatabase} lives as long as its tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "relay.kafka-bootstrap-servers=${spring.embedded.kafka.brokers}",
        "relay.retry.initial-backoff=100ms",
        "relay.retry.max-backoff=500ms"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public @interface RelayIntegrationTest {
}

package io.cloudya.token.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Money events are never skipped because the database hiccuped: a failing record is retried (backing off up to
 * 10 s) until it commits. Bad input does not come here: listeners reject it themselves and move on.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    @Bean
    CommonErrorHandler retryUntilCommitted() {
        ExponentialBackOff backOff = new ExponentialBackOff(100, 2.0);
        backOff.setMaxInterval(10_000);
        return new DefaultErrorHandler(backOff);
    }
}

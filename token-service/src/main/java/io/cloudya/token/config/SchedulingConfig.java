package io.cloudya.token.config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Runs the reservation sweeper and the Free refill job. Safe with several instances: both claim rows with
 * {@code FOR UPDATE SKIP LOCKED}. Off with {@code cloudya.token.scheduling=false} (benchmarks, some tests).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "cloudya.token.scheduling", havingValue = "true", matchIfMissing = true)
class SchedulingConfig {
}

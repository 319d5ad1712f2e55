package io.cloudya.gateway.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the plan limiter onto Spring Cloud Gateway's auto-configured RedisRateLimiter. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfig {

    /** Static: a post-processor must exist before the beans it processes. */
    @Bean
    static StaticRateLimiterScript staticRateLimiterScript() {
        return new StaticRateLimiterScript();
    }

    @Bean
    PlanRateLimiter planRateLimiter(RedisRateLimiter redis, RateLimitProperties properties, MeterRegistry meters) {
        return new PlanRateLimiter(redis, properties, meters, System::nanoTime);
    }
}

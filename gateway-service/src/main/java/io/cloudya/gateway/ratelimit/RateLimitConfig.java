package io.cloudya.gateway.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/** Wires the plan limiter onto Spring Cloud Gateway's auto-configured Redis template and rate-limiter script. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfig {

    /** Static: a post-processor must exist before the beans it processes. */
    @Bean
    static StaticRateLimiterScript staticRateLimiterScript() {
        return new StaticRateLimiterScript();
    }

    @Bean
    PlanRateLimiter planRateLimiter(ReactiveStringRedisTemplate redis,
                                    @Qualifier(RedisRateLimiter.REDIS_SCRIPT_NAME) RedisScript<List<Long>> script,
                                    RateLimitProperties properties, MeterRegistry meters) {
        return new PlanRateLimiter(new SharedBuckets(redis, script), properties, meters, System::nanoTime);
    }
}

package io.cloudya.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudya.gateway.identity.VerifiedIdentity;
import io.cloudya.gateway.ratelimit.RateLimitProperties.PlanRate;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter.Response;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import reactor.core.publisher.Mono;

class PlanRateLimiterTest {

    final AtomicBoolean redisUp = new AtomicBoolean(false);
    final AtomicLong redisCalls = new AtomicLong();
    final AtomicLong now = new AtomicLong();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final VerifiedIdentity user = new VerifiedIdentity("u-1", "free", "jwt");

    /** Answers like RedisRateLimiter: -1 remaining when Redis failed, else a full bucket. */
    final RedisRateLimiter redis = new RedisRateLimiter(1, 1) {
        @Override
        public Mono<Response> isAllowed(String routeId, String id) {
            redisCalls.incrementAndGet();
            return Mono.just(new Response(true, Map.of(REMAINING_HEADER, redisUp.get() ? "600" : "-1")));
        }
    };

    final PlanRateLimiter limiter = new PlanRateLimiter(redis,
            new RateLimitProperties(Map.of("free", new PlanRate(10, 2)), Duration.ofSeconds(2)), meters, now::get);

    @Test
    void shouldLimitInMemoryAtThePlanRateWhileRedisIsDown() {
        assertThat(limiter.check(user).block().allowed()).isTrue();
        assertThat(limiter.check(user).block().allowed()).isTrue();
        Decision third = limiter.check(user).block();

        assertThat(third.allowed()).isFalse();
        assertThat(third.retryAfterSeconds()).isEqualTo(6);
        assertThat(meters.counter("gateway.ratelimit.fallback").count()).isEqualTo(3);
    }

    @Test
    void shouldSkipRedisUntilRetryIntervalThenReturnToIt() {
        limiter.check(user).block();
        limiter.check(user).block();
        assertThat(redisCalls.get()).as("second call waits for the retry interval").isEqualTo(1);

        redisUp.set(true);
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        Decision back = limiter.check(user).block();

        assertThat(redisCalls.get()).isEqualTo(2);
        assertThat(back.remainingRequests()).isEqualTo(10);
        assertThat(meters.counter("gateway.ratelimit.fallback").count()).isEqualTo(2);
    }
}

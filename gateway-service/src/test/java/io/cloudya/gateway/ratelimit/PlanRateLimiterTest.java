package io.cloudya.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudya.gateway.identity.VerifiedIdentity;
import io.cloudya.gateway.ratelimit.RateLimitProperties.PlanRate;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class PlanRateLimiterTest {

    final AtomicBoolean redisUp = new AtomicBoolean(false);
    final AtomicLong redisCalls = new AtomicLong();
    final AtomicLong now = new AtomicLong();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final VerifiedIdentity user = new VerifiedIdentity("u-1", "free", "jwt");

    /** Whole requests left in the user's Redis bucket (it does not refill here unless a test says so). */
    final AtomicLong bucketRequests = new AtomicLong(10);

    /** Answers like the Redis script: an error when Redis is down, else takes what is asked if the bucket has it. */
    final SharedBuckets redis = new SharedBuckets(null, null) {
        @Override
        Mono<Taken> take(String userId, PlanRate rate, int requests) {
            redisCalls.incrementAndGet();
            if (!redisUp.get()) {
                return Mono.error(new IllegalStateException("Redis is down"));
            }
            boolean allowed = bucketRequests.get() >= requests;
            long left = bucketRequests.addAndGet(allowed ? -requests : 0);
            return Mono.just(new Taken(allowed, left * PlanRate.TOKENS_PER_REQUEST));
        }
    };

    final PlanRateLimiter limiter = new PlanRateLimiter(redis, new RateLimitProperties(
            Map.of("free", new PlanRate(10, 2), "pro", new PlanRate(600, 80)), Duration.ofSeconds(2), 64),
            meters, now::get);
    final VerifiedIdentity proUser = new VerifiedIdentity("u-2", "pro", "jwt");

    @Test
    void spendsALeaseOfATenthOfTheBurstWithOneRedisCall() {
        redisUp.set(true);

        for (int expectedRemaining = 9; expectedRemaining >= 2; expectedRemaining--) {
            Decision decision = limiter.check(proUser).block();
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.remainingRequests()).isEqualTo(expectedRemaining);
        }

        assertThat(redisCalls.get()).as("one lease of 8 (burst 80 / 10) served 8 requests").isEqualTo(1);
        assertThat(bucketRequests.get()).isEqualTo(2);
    }

    @Test
    void neverAllowsMoreThanTheBucketHeldAndAsksForOneWhenALeaseIsRefused() {
        redisUp.set(true);
        bucketRequests.set(11);

        long allowed = Stream.generate(() -> limiter.check(proUser).block()).limit(20)
                .filter(Decision::allowed).count();

        assertThat(allowed).isEqualTo(11);
        assertThat(bucketRequests.get()).isZero();
    }

    @Test
    void remembersARefusalUntilTheBucketCanHoldARequestAgain() {
        redisUp.set(true);
        bucketRequests.set(0);

        Decision refused = limiter.check(user).block();
        Decision stillRefused = limiter.check(user).block();

        assertThat(refused.allowed()).isFalse();
        assertThat(stillRefused.allowed()).isFalse();
        assertThat(stillRefused.retryAfterSeconds()).isEqualTo(6);
        assertThat(redisCalls.get()).as("the second refusal is decided here").isEqualTo(1);

        bucketRequests.set(1);
        now.addAndGet(Duration.ofSeconds(6).toNanos());
        assertThat(limiter.check(user).block().allowed()).isTrue();
        assertThat(redisCalls.get()).isEqualTo(2);
    }

    @Test
    void dropsAnUnspentLeaseAfterItsLifetime() {
        redisUp.set(true);
        limiter.check(proUser).block();

        now.addAndGet(Leases.LEASE_LIFETIME.toNanos());
        limiter.check(proUser).block();

        assertThat(redisCalls.get()).isEqualTo(2);
        assertThat(bucketRequests.get()).as("the first lease's 7 spare requests are lost, not reused").isEqualTo(0);
    }

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
        assertThat(back.remainingRequests()).isEqualTo(9);
        assertThat(meters.counter("gateway.ratelimit.fallback").count()).isEqualTo(2);
    }
}

package io.cloudya.gateway.ratelimit;

import io.cloudya.gateway.identity.VerifiedIdentity;
import io.cloudya.gateway.ratelimit.RateLimitProperties.PlanRate;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import reactor.core.publisher.Mono;

/**
 * Per-user limits at the plan's rate in Redis, shared by all replicas (one Redis bucket config per plan).
 * RedisRateLimiter swallows Redis errors and allows with remaining -1; we take that as "Redis is down",
 * log it once, count {@code gateway.ratelimit.fallback}, and decide in memory until a retry succeeds.
 */
public class PlanRateLimiter {

    static final String ROUTE_PREFIX = "plan:";
    private static final Logger log = LoggerFactory.getLogger(PlanRateLimiter.class);

    private final RedisRateLimiter redis;
    private final LocalRateLimiter local = new LocalRateLimiter();
    private final RateLimitProperties properties;
    private final LongSupplier nanoClock;
    private final Counter fallbacks;
    private final AtomicBoolean degraded = new AtomicBoolean();
    /** Meaningful only while degraded: the nanoTime from which Redis is tried again. */
    private final AtomicLong retryRedisAt = new AtomicLong();

    public PlanRateLimiter(RedisRateLimiter redis, RateLimitProperties properties, MeterRegistry meters,
                           LongSupplier nanoClock) {
        this.redis = redis;
        this.properties = properties;
        this.nanoClock = nanoClock;
        this.fallbacks = Counter.builder("gateway.ratelimit.fallback")
                .description("Rate-limit decisions made in memory because Redis was unavailable").register(meters);
        properties.plans().forEach((plan, rate) -> redis.getConfig().put(ROUTE_PREFIX + plan,
                new RedisRateLimiter.Config().setReplenishRate(rate.requestsPerMinute())
                        .setBurstCapacity(rate.capacityTokens()).setRequestedTokens(PlanRate.TOKENS_PER_REQUEST)));
    }

    Mono<Decision> check(VerifiedIdentity identity) {
        String plan = properties.plans().containsKey(identity.plan()) ? identity.plan() : "free";
        PlanRate rate = properties.of(plan);
        if (degraded.get() && nanoClock.getAsLong() - retryRedisAt.get() < 0) {
            return Mono.fromSupplier(() -> fallback(identity.userId(), plan, rate, false));
        }
        return redis.isAllowed(ROUTE_PREFIX + plan, identity.userId()).map(response -> {
            String remaining = response.getHeaders().get(RedisRateLimiter.REMAINING_HEADER);
            if (remaining == null || remaining.equals("-1")) {
                return fallback(identity.userId(), plan, rate, true);
            }
            if (degraded.compareAndSet(true, false)) {
                log.info("Redis is back: rate limits are shared across gateway instances again");
            }
            return Decision.of(response.isAllowed(), Long.parseLong(remaining), rate);
        });
    }

    private Decision fallback(String userId, String plan, PlanRate rate, boolean redisJustFailed) {
        long now = nanoClock.getAsLong();
        if (redisJustFailed) {
            retryRedisAt.set(now + properties.redisRetryInterval().toNanos());
            if (degraded.compareAndSet(false, true)) {
                log.warn("Redis is unavailable: rate limits fall back to this instance's memory until it returns");
            }
        }
        fallbacks.increment();
        return local.take(userId, plan, rate, now);
    }
}

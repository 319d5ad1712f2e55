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
import reactor.core.publisher.Mono;

/**
 * Per-user limits at the plan's rate in Redis, shared by all replicas ({@link SharedBuckets}). Redis is asked for a
 * lease of several requests at once, spent locally ({@link Leases}): one Redis round trip per request was a third of
 * the gateway's CPU under load. A failed Redis call means "Redis is down": logged once, counted in
 * {@code gateway.ratelimit.fallback}, and limits are decided in memory until a retry succeeds.
 */
public class PlanRateLimiter {

    private static final Logger log = LoggerFactory.getLogger(PlanRateLimiter.class);

    private final SharedBuckets redis;
    private final LocalRateLimiter local = new LocalRateLimiter();
    private final Leases leases = new Leases();
    private final RateLimitProperties properties;
    private final LongSupplier nanoClock;
    private final Counter fallbacks;
    private final AtomicBoolean degraded = new AtomicBoolean();
    /** Meaningful only while degraded: the nanoTime from which Redis is tried again. */
    private final AtomicLong retryRedisAt = new AtomicLong();

    PlanRateLimiter(SharedBuckets redis, RateLimitProperties properties, MeterRegistry meters, LongSupplier nanoClock) {
        this.redis = redis;
        this.properties = properties;
        this.nanoClock = nanoClock;
        this.fallbacks = Counter.builder("gateway.ratelimit.fallback")
                .description("Rate-limit decisions made in memory because Redis was unavailable").register(meters);
    }

    Mono<Decision> check(VerifiedIdentity identity) {
        String plan = properties.plans().containsKey(identity.plan()) ? identity.plan() : "free";
        PlanRate rate = properties.of(plan);
        long now = nanoClock.getAsLong();
        if (degraded.get() && now - retryRedisAt.get() < 0) {
            return Mono.fromSupplier(() -> fallback(identity.userId(), plan, rate, false));
        }
        String key = plan + ":" + identity.userId();
        Decision spent = leases.spend(key, rate, now);
        if (spent != null) {
            return Mono.just(spent);
        }
        int leaseSize = leases.nextLeaseSize(key, rate.leaseSize(properties.maxLease()));
        return askRedis(identity.userId(), key, plan, rate, leaseSize);
    }

    private Mono<Decision> askRedis(String userId, String key, String plan, PlanRate rate, int size) {
        return redis.take(userId, rate, size).flatMap(taken -> {
            if (degraded.compareAndSet(true, false)) {
                log.info("Redis is back: rate limits are shared across gateway instances again");
            }
            long now = nanoClock.getAsLong();
            if (taken.allowed()) {
                leases.granted(key, size, taken.tokensLeft(), now);
                long tokens = taken.tokensLeft() + (size - 1L) * PlanRate.TOKENS_PER_REQUEST;
                return Mono.just(Decision.of(true, tokens, rate));
            }
            if (size > 1) {
                // the bucket holds less than a lease, perhaps still a request
                return askRedis(userId, key, plan, rate, 1);
            }
            leases.refused(key, rate, taken.tokensLeft(), now);
            return Mono.just(Decision.of(false, taken.tokensLeft(), rate));
        }).onErrorResume(failure -> Mono.fromSupplier(() -> fallback(userId, plan, rate, true)));
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

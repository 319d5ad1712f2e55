package io.cloudya.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.cloudya.gateway.ratelimit.RateLimitProperties.PlanRate;
import java.time.Duration;

/**
 * The same token bucket as Redis's script, held in this instance's memory: the stand-in while Redis is down.
 * Each replica then allows the full rate on its own, which is looser than shared limits but far better than
 * Spring Cloud Gateway's own answer to a Redis failure (let everything through).
 */
class LocalRateLimiter {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(200_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();

    Decision take(String userId, String plan, PlanRate rate, long nowNanos) {
        Bucket bucket = buckets.get(plan + ":" + userId, key -> new Bucket(rate.capacityTokens(), nowNanos));
        return bucket.take(rate, nowNanos);
    }

    private static final class Bucket {

        private double tokens;
        private long lastNanos;

        Bucket(long tokens, long nowNanos) {
            this.tokens = tokens;
            this.lastNanos = nowNanos;
        }

        synchronized Decision take(PlanRate rate, long nowNanos) {
            double elapsedSeconds = Math.max(0, nowNanos - lastNanos) / 1e9;
            tokens = Math.min(rate.capacityTokens(), tokens + elapsedSeconds * rate.requestsPerMinute());
            lastNanos = nowNanos;
            boolean allowed = tokens >= PlanRate.TOKENS_PER_REQUEST;
            if (allowed) {
                tokens -= PlanRate.TOKENS_PER_REQUEST;
            }
            return Decision.of(allowed, (long) tokens, rate);
        }
    }
}

package io.cloudya.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cloudya.rate-limit.*}: per plan, requests per minute and the burst a user may spend at once.
 * While Redis fails, Redis is retried at most every {@code redis-retry-interval}; meanwhile each gateway
 * instance limits on its own at the same rates. {@code max-lease}: the most requests one Redis call may take
 * for a user in advance ({@link Leases}); each plan leases a tenth of its burst, capped by this; 1 asks Redis
 * on every request.
 */
@ConfigurationProperties("cloudya.rate-limit")
public record RateLimitProperties(Map<String, PlanRate> plans,
                                  @DefaultValue("2s") Duration redisRetryInterval,
                                  @DefaultValue("64") int maxLease) {

    public RateLimitProperties {
        plans = plans == null ? Map.of() : Map.copyOf(plans);
        maxLease = Math.max(1, maxLease);
    }

    /** The rate of {@code plan}, or free's for a plan with no entry. */
    public PlanRate of(String plan) {
        PlanRate rate = plans.get(plan);
        return rate != null ? rate : plans.getOrDefault("free", new PlanRate(10, 20));
    }

    /** {@code requestsPerMinute} sustained, up to {@code burst} at once. */
    public record PlanRate(int requestsPerMinute, int burst) {

        /** Redis buckets count tokens per second: one request costs 60 tokens, refilled at rpm tokens/s. */
        static final int TOKENS_PER_REQUEST = 60;

        long capacityTokens() {
            return (long) burst * TOKENS_PER_REQUEST;
        }

        /** Requests taken from Redis per call: a tenth of the burst, a power of two, at least 1. */
        int leaseSize(int maxLease) {
            return Integer.highestOneBit(Math.clamp(burst / 10, 1, maxLease));
        }
    }
}

package io.cloudya.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.cloudya.gateway.ratelimit.RateLimitProperties.PlanRate;
import java.time.Duration;

/**
 * What Redis granted each user in advance, spent in this instance's memory. A lease is taken out of the shared
 * Redis bucket, so all replicas together never allow more than the bucket holds; an unspent lease expires after
 * {@link #LEASE_LIFETIME} and is lost (a user may get slightly less, never more). A refusal is remembered until
 * the bucket can have refilled one request, so a client hammering past its limit costs Redis nothing.
 */
final class Leases {

    static final Duration LEASE_LIFETIME = Duration.ofSeconds(1);
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final Cache<String, UserLease> leases = Caffeine.newBuilder().maximumSize(200_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();

    /** A decision made locally, or null when Redis must be asked. */
    Decision spend(String key, PlanRate rate, long nowNanos) {
        UserLease lease = leases.getIfPresent(key);
        return lease == null ? null : lease.spend(rate, nowNanos);
    }

    /** How many requests to ask Redis for: the plan's lease, but no more than the bucket held last time. */
    int nextLeaseSize(String key, int planLease) {
        UserLease lease = leases.getIfPresent(key);
        long known = lease == null ? planLease : Math.max(1, lease.bucketTokens / PlanRate.TOKENS_PER_REQUEST);
        return Math.toIntExact(Long.highestOneBit(Math.min(planLease, known)));
    }

    /**
     * Redis granted {@code size} requests, one of which is the current one, leaving {@code bucketTokens}. Grants that
     * raced (concurrent requests of one user finding the lease empty) add up: none of what Redis gave is dropped.
     */
    void granted(String key, int size, long bucketTokens, long nowNanos) {
        lease(key).grant(size - 1, bucketTokens, nowNanos);
    }

    /** Redis refused a single request, its bucket holding {@code bucketTokens}. */
    void refused(String key, PlanRate rate, long bucketTokens, long nowNanos) {
        long missing = Math.max(1, PlanRate.TOKENS_PER_REQUEST - bucketTokens);
        long refillNanos = (missing * NANOS_PER_SECOND + rate.requestsPerMinute() - 1) / rate.requestsPerMinute();
        lease(key).refuse(nowNanos + refillNanos);
    }

    private UserLease lease(String key) {
        return leases.get(key, ignored -> new UserLease());
    }

    private static final class UserLease {

        private int left;
        private long expiresAt;
        private long deniedUntil;
        private boolean denied;
        /** What the Redis bucket held after the last grant or refusal; read unlocked to size the next lease. */
        private volatile long bucketTokens;

        synchronized Decision spend(PlanRate rate, long nowNanos) {
            if (denied && nowNanos - deniedUntil < 0) {
                long waitSeconds = Math.max(1, (deniedUntil - nowNanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND);
                return new Decision(false, 0, waitSeconds, rate);
            }
            denied = false;
            if (left > 0 && nowNanos - expiresAt < 0) {
                left--;
                return Decision.of(true, bucketTokens + (long) left * PlanRate.TOKENS_PER_REQUEST, rate);
            }
            left = 0;
            return null;
        }

        synchronized void grant(int spare, long tokens, long nowNanos) {
            left = nowNanos - expiresAt < 0 ? left + spare : spare;
            expiresAt = nowNanos + LEASE_LIFETIME.toNanos();
            bucketTokens = tokens;
            denied = false;
        }

        synchronized void refuse(long until) {
            left = 0;
            denied = true;
            deniedUntil = until;
            bucketTokens = 0;
        }
    }
}

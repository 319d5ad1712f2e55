package io.cloudya.gateway.ratelimit;

import io.cloudya.gateway.ratelimit.RateLimitProperties.PlanRate;

/** One rate-limit verdict: allowed or not, whole requests left, and seconds until the next one is allowed. */
record Decision(boolean allowed, long remainingRequests, long retryAfterSeconds, PlanRate rate) {

    /** From a bucket holding {@code remainingTokens} after the request was (or was not) taken. */
    static Decision of(boolean allowed, long remainingTokens, PlanRate rate) {
        long perRequest = PlanRate.TOKENS_PER_REQUEST;
        long missing = Math.max(0, perRequest - remainingTokens);
        long retryAfter = Math.max(1, (missing + rate.requestsPerMinute() - 1) / rate.requestsPerMinute());
        return new Decision(allowed, Math.max(0, remainingTokens / perRequest), retryAfter, rate);
    }
}

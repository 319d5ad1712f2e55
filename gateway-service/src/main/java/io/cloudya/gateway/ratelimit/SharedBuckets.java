package io.cloudya.gateway.ratelimit;

import io.cloudya.gateway.ratelimit.RateLimitProperties.PlanRate;
import java.util.List;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * Each user's token bucket in Redis, shared by all gateway replicas: Spring Cloud Gateway's rate-limiter script
 * (refill at the plan's rate, up to its burst), run with our own keys so one call may take several requests at
 * once. A failed call (Redis down, timeout) is an error signal; {@link PlanRateLimiter} decides what that means.
 */
class SharedBuckets {

    private final ReactiveStringRedisTemplate redis;
    private final RedisScript<List<Long>> script;

    SharedBuckets(ReactiveStringRedisTemplate redis, RedisScript<List<Long>> script) {
        this.redis = redis;
        this.script = script;
    }

    /** Takes {@code requests} whole requests if the bucket holds them all; else takes nothing. */
    Mono<Taken> take(String userId, PlanRate rate, int requests) {
        // the braces keep both keys in one Redis Cluster slot, as the script needs
        String prefix = "cloudya.rate.{" + userId + "}.";
        List<String> keys = List.of(prefix + "tokens", prefix + "timestamp");
        List<String> args = List.of(String.valueOf(rate.requestsPerMinute()), String.valueOf(rate.capacityTokens()),
                "", String.valueOf((long) requests * PlanRate.TOKENS_PER_REQUEST));
        return redis.execute(script, keys, args).next()
                .map(result -> new Taken(result.get(0) == 1L, result.get(1)));
    }

    /** The script's answer: whether the requests were taken, and the tokens left in the bucket. */
    record Taken(boolean allowed, long tokensLeft) {
    }
}

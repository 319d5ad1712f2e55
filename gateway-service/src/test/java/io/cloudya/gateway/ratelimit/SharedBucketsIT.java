package io.cloudya.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudya.gateway.identity.VerifiedIdentity;
import io.cloudya.gateway.ratelimit.RateLimitProperties.PlanRate;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/** Two gateway replicas leasing from one user's bucket in the local Redis (127.0.0.1:6379). */
class SharedBucketsIT {

    final LettuceConnectionFactory connections = new LettuceConnectionFactory("127.0.0.1", 6379);
    final AtomicInteger redisCalls = new AtomicInteger();
    final RateLimitProperties properties = new RateLimitProperties(
            Map.of("pro", new PlanRate(60, 100)), Duration.ofSeconds(2), 64);

    @AfterEach
    void close() {
        connections.destroy();
    }

    @Test
    void replicasTogetherNeverAllowMoreThanTheBurstAndAskRedisOncePerLease() {
        connections.start();
        RedisScript<List<Long>> script = RedisScript.of(
                new ClassPathResource("META-INF/scripts/request_rate_limiter.lua"), (Class) List.class);
        SharedBuckets buckets = new SharedBuckets(new ReactiveStringRedisTemplate(connections), script) {
            @Override
            Mono<Taken> take(String userId, PlanRate rate, int requests) {
                redisCalls.incrementAndGet();
                return super.take(userId, rate, requests);
            }
        };
        var replicaA = new PlanRateLimiter(buckets, properties, new SimpleMeterRegistry(), System::nanoTime);
        var replicaB = new PlanRateLimiter(buckets, properties, new SimpleMeterRegistry(), System::nanoTime);
        var user = new VerifiedIdentity(UUID.randomUUID().toString(), "pro", "api-key");

        int allowed = 0;
        for (int i = 0; i < 300; i++) {
            allowed += (i % 2 == 0 ? replicaA : replicaB).check(user).block().allowed() ? 1 : 0;
        }

        // 100 at once, about one more per second of test; a lease (8) left unspent on a replica is lost
        assertThat(allowed).isBetween(100 - 2 * 7, 102);
        assertThat(redisCalls.get()).as("leases of 8, then refusals remembered").isLessThan(40);
    }
}

package io.cloudya.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class VerifiedJwtCacheTest {

    private static final Instant START = Instant.parse("2026-11-26T12:00:00Z");

    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger verifications = new AtomicInteger();
    private final VerifiedJwtCache cache = new VerifiedJwtCache(100, Duration.ofMinutes(15), nanos::get,
            () -> START.plusNanos(nanos.get()));

    @Test
    void verifiesATokenOnceWhileItIsValid() {
        ReactiveJwtDecoder decoder = cache.around(verifier(START.plusSeconds(60)));

        Jwt first = decoder.decode("token-a").block();
        Jwt second = decoder.decode("token-a").block();

        assertThat(second).isSameAs(first);
        assertThat(verifications).hasValue(1);
    }

    @Test
    void verifiesAgainOnceTheTokenHasExpired() {
        ReactiveJwtDecoder decoder = cache.around(verifier(START.plusSeconds(60)));
        decoder.decode("token-a").block();

        nanos.addAndGet(Duration.ofSeconds(61).toNanos());
        decoder.decode("token-a").block();

        assertThat(verifications).hasValue(2);
    }

    @Test
    void keepsNoFailure() {
        ReactiveJwtDecoder decoder = cache.around(token -> {
            verifications.incrementAndGet();
            return Mono.error(new BadJwtException("bad signature"));
        });

        assertThatThrownBy(() -> decoder.decode("forged").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("forged").block()).isInstanceOf(BadJwtException.class);

        assertThat(verifications).hasValue(2);
    }

    @Test
    void verifiesEachDistinctTokenItself() {
        ReactiveJwtDecoder decoder = cache.around(verifier(START.plusSeconds(60)));

        decoder.decode("token-a").block();
        decoder.decode("token-b").block();

        assertThat(verifications).hasValue(2);
    }

    private ReactiveJwtDecoder verifier(Instant expiresAt) {
        return token -> {
            verifications.incrementAndGet();
            return Mono.just(Jwt.withTokenValue(token).header("alg", "ES256").subject("user-" + token)
                    .issuedAt(START).expiresAt(expiresAt).build());
        };
    }
}

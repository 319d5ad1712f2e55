package io.cloudya.gateway.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers tokens whose signature and claims were verified, until the token itself expires. The CLI sends the
 * same access token on every request, and an ES256 check costs more CPU than the rest of the gateway's work on a
 * request; the same string always gets the same verdict, so skipping the check repeats no decision that could
 * change, except expiry, which bounds each entry. Only successes are kept; keys are SHA-256 digests of the
 * tokens, so no credential sits in the cache. One cache serves every trusted issuer: it also tells
 * {@link CredentialAuthenticationManager} which issuer a known token belongs to.
 */
final class VerifiedJwtCache {

    private final Cache<String, Jwt> verified;
    private final Supplier<Instant> clock;

    VerifiedJwtCache(long maximumSize, Duration longest, Ticker ticker, Supplier<Instant> clock) {
        this.clock = clock;
        this.verified = Caffeine.newBuilder().maximumSize(maximumSize).ticker(ticker)
                .expireAfter(Expiry.<String, Jwt>creating((digest, jwt) -> lifetime(jwt, longest)))
                .build();
    }

    static VerifiedJwtCache standard() {
        return new VerifiedJwtCache(50_000, Duration.ofMinutes(15), Ticker.systemTicker(), Instant::now);
    }

    /** A decoder that verifies a token once and answers its next uses from the cache. */
    ReactiveJwtDecoder around(ReactiveJwtDecoder decoder) {
        return token -> {
            Jwt known = known(token);
            if (known != null) {
                return Mono.just(known);
            }
            String digest = CredentialDigest.of(token);
            return decoder.decode(token).doOnNext(jwt -> verified.put(digest, jwt));
        };
    }

    /** The token as verified before, while it is unexpired; null for a token never verified or expired since. */
    Jwt known(String token) {
        Jwt jwt = verified.getIfPresent(CredentialDigest.of(token));
        return jwt != null && isLive(jwt) ? jwt : null;
    }

    private boolean isLive(Jwt jwt) {
        return jwt.getExpiresAt() == null || clock.get().isBefore(jwt.getExpiresAt());
    }

    private Duration lifetime(Jwt jwt, Duration longest) {
        if (jwt.getExpiresAt() == null) {
            return longest;
        }
        Duration left = Duration.between(clock.get(), jwt.getExpiresAt());
        return left.isNegative() ? Duration.ZERO : (left.compareTo(longest) > 0 ? longest : left);
    }
}

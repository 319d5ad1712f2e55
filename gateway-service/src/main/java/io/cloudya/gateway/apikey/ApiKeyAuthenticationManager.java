package io.cloudya.gateway.apikey;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.cloudya.gateway.identity.AuthProperties;
import io.cloudya.gateway.identity.CredentialDigest;
import io.cloudya.gateway.identity.IdentityAuthentication;
import io.cloudya.gateway.identity.VerifiedIdentity;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Authenticates {@code cly_} CLI keys through auth-service. Verdicts (good and bad) are cached for a few
 * seconds, so a CLI session costs auth-service one call per key per TTL while a revoked key stops working
 * within that TTL. Failed calls are not cached. Cache keys are SHA-256 digests, not the keys themselves.
 */
@Component
public class ApiKeyAuthenticationManager implements ReactiveAuthenticationManager {

    public static final String PREFIX = "cly_";

    private static final Logger log = LoggerFactory.getLogger(ApiKeyAuthenticationManager.class);

    private final AuthServiceClient authService;
    private final AsyncCache<String, Optional<VerifiedIdentity>> verdicts;
    private final Map<String, VerifiedIdentity> devKeys;

    ApiKeyAuthenticationManager(AuthServiceClient authService, AuthProperties properties) {
        this.authService = authService;
        this.verdicts = Caffeine.newBuilder().maximumSize(100_000)
                .expireAfterWrite(properties.apiKeyCacheTtl()).buildAsync();
        this.devKeys = DevKeys.parse(properties.devKeys());
        if (!devKeys.isEmpty()) {
            log.warn("{} fixed development API key(s) are accepted (cloudya.auth.dev-keys): never in production",
                    devKeys.size());
        }
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        String key = ((BearerTokenAuthenticationToken) authentication).getToken();
        VerifiedIdentity dev = devKeys.get(key);
        if (dev != null) {
            return Mono.just(new IdentityAuthentication(dev));
        }
        // The check is shared by every request that brings this key meanwhile: one caller going away (its client
        // disconnected) must not cancel it for the others, who would get a CancellationException (500).
        return Mono.fromFuture(verdicts.get(CredentialDigest.of(key),
                        (digest, executor) -> authService.verifyApiKey(key).toFuture()), true)
                .flatMap(verdict -> verdict.<Mono<Authentication>>map(identity ->
                                Mono.just(new IdentityAuthentication(identity)))
                        .orElseGet(() -> Mono.error(new InvalidBearerTokenException("Unknown or revoked API key"))));
    }
}

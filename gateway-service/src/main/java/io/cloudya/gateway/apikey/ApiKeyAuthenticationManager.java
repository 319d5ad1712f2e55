package io.cloudya.gateway.apikey;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.cloudya.gateway.identity.AuthProperties;
import io.cloudya.gateway.identity.CredentialDigest;
import io.cloudya.gateway.identity.IdentityAuthentication;
import io.cloudya.gateway.identity.VerifiedIdentity;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * Authenticates {@code cly_} CLI keys through auth-service. Verdicts (good and bad) are cached for a few
 * seconds, so a CLI session costs auth-service one call per key per TTL while a revoked key stops working
 * within that TTL. Failed calls are not cached. Cache keys are SHA-256 digests, not the keys themselves.
 *
 * <p>While auth-service cannot answer (down, or too slow under load: its breaker's 503), a key it accepted within
 * the stale limit keeps working on that verdict, so a paying user's session outlives a short auth-service outage.
 * The price is that a key revoked during the outage works until auth-service answers again (at most the limit).
 * A key auth-service refuses (401) loses its last good verdict at once.
 */
@Component
public class ApiKeyAuthenticationManager implements ReactiveAuthenticationManager {

    public static final String PREFIX = "cly_";

    private static final Logger log = LoggerFactory.getLogger(ApiKeyAuthenticationManager.class);

    private final AuthServiceClient authService;
    private final AsyncCache<String, Optional<VerifiedIdentity>> verdicts;
    private final Cache<String, VerifiedIdentity> lastGood;
    private final Counter staleVerdicts;
    private final Map<String, VerifiedIdentity> devKeys;

    ApiKeyAuthenticationManager(AuthServiceClient authService, AuthProperties properties, MeterRegistry meters) {
        this.authService = authService;
        this.verdicts = Caffeine.newBuilder().maximumSize(100_000)
                .expireAfterWrite(properties.apiKeyCacheTtl()).buildAsync();
        this.lastGood = Caffeine.newBuilder().maximumSize(100_000)
                .expireAfterWrite(properties.apiKeyStaleLimit()).build();
        this.staleVerdicts = Counter.builder("gateway.apikey.stale")
                .description("Requests let in on a key's last good verdict while auth-service could not answer")
                .register(meters);
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
        String digest = CredentialDigest.of(key);
        // The check is shared by every request that brings this key meanwhile: one caller going away (its client
        // disconnected) must not cancel it for the others, who would get a CancellationException (500).
        return Mono.fromFuture(verdicts.get(digest, (d, executor) -> verify(key, digest).toFuture()), true)
                .onErrorResume(ApiKeyAuthenticationManager::authServiceUnavailable,
                        failure -> lastVerdict(digest, failure))
                .flatMap(verdict -> verdict.<Mono<Authentication>>map(identity ->
                                Mono.just(new IdentityAuthentication(identity)))
                        .orElseGet(() -> Mono.error(new InvalidBearerTokenException("Unknown or revoked API key"))));
    }

    /** Asks auth-service, and remembers its answer as the key's last verdict (once per check, not per request). */
    private Mono<Optional<VerifiedIdentity>> verify(String key, String digest) {
        return authService.verifyApiKey(key).doOnNext(verdict -> verdict.ifPresentOrElse(
                identity -> lastGood.put(digest, identity), () -> lastGood.invalidate(digest)));
    }

    private Mono<Optional<VerifiedIdentity>> lastVerdict(String digest, Throwable failure) {
        VerifiedIdentity identity = lastGood.getIfPresent(digest);
        if (identity == null) {
            return Mono.error(failure);
        }
        staleVerdicts.increment();
        return Mono.just(Optional.of(identity));
    }

    private static boolean authServiceUnavailable(Throwable failure) {
        return failure instanceof ResponseStatusException e && e.getStatusCode() == HttpStatus.SERVICE_UNAVAILABLE;
    }
}

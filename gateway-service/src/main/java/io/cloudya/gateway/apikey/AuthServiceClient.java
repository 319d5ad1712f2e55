package io.cloudya.gateway.apikey;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.cloudya.gateway.identity.AuthProperties;
import io.cloudya.gateway.identity.VerifiedIdentity;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The gateway's two questions to auth-service's /internal endpoints (never routed publicly): whose is this
 * CLI key, and which Cloudya account is this Keycloak user. Behind a circuit breaker with a short timeout;
 * when auth-service cannot answer the caller gets 503, not 401: the credential may well be fine.
 */
@Component
public class AuthServiceClient {

    private final WebClient http;
    private final Duration timeout;
    private final ReactiveCircuitBreaker breaker;
    private final AsyncCache<String, String> externalAccounts;

    AuthServiceClient(AuthProperties properties, ReactiveCircuitBreakerFactory<?, ?> breakers) {
        this.http = WebClient.create(properties.serviceUri().toString());
        this.timeout = properties.serviceTimeout();
        this.breaker = breakers.create("auth-service-internal");
        this.externalAccounts = Caffeine.newBuilder().maximumSize(100_000)
                .expireAfterWrite(properties.keycloak().accountCacheTtl()).buildAsync();
    }

    /** The key's owner and current plan, or empty when auth-service says the key is unknown or revoked. */
    Mono<Optional<VerifiedIdentity>> verifyApiKey(String key) {
        Mono<Optional<VerifiedIdentity>> call = http.post().uri("/internal/api-keys/verify")
                .bodyValue(Map.of("key", key))
                .exchangeToMono(response -> {
                    if (response.statusCode().is2xxSuccessful()) {
                        return response.bodyToMono(JsonNode.class).map(body -> Optional.of(new VerifiedIdentity(
                                body.path("user_id").asString(), body.path("plan").asString(), "api-key")));
                    }
                    if (response.statusCode().value() == 401 || response.statusCode().value() == 404) {
                        return response.releaseBody().thenReturn(Optional.<VerifiedIdentity>empty());
                    }
                    return response.createError();
                });
        return guarded(call);
    }

    /** The Cloudya user id for an external identity; auth-service creates the account on first sight. */
    public Mono<String> resolveExternal(String issuer, String subject, String email, String plan) {
        return Mono.fromFuture(externalAccounts.get(issuer + "|" + subject, (key, executor) -> guarded(
                http.post().uri("/internal/external-users")
                        .bodyValue(Map.of("issuer", issuer, "subject", subject,
                                "email", email == null ? "" : email, "plan", plan))
                        .exchangeToMono(response -> {
                            if (response.statusCode().value() == 409) {
                                return response.releaseBody().then(Mono.error(new ResponseStatusException(
                                        HttpStatus.FORBIDDEN, "This email already has a Cloudya password account")));
                            }
                            return response.statusCode().is2xxSuccessful()
                                    ? response.bodyToMono(JsonNode.class).map(b -> b.path("user_id").asString())
                                    : response.createError();
                        })).toFuture()), true);  // shared with concurrent callers: one leaving cancels nothing
    }

    private <T> Mono<T> guarded(Mono<T> call) {
        return breaker.run(call.timeout(timeout), failure -> failure instanceof ResponseStatusException rse
                && rse.getStatusCode().value() == 403 ? Mono.error(failure)
                : Mono.error(new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                        "auth-service is unavailable, try again later", failure)));
    }
}

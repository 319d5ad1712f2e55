package io.cloudya.gateway.identity;

import io.cloudya.gateway.apikey.ApiKeyAuthenticationManager;
import java.util.Map;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerReactiveAuthenticationManagerResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * One bearer header, three credentials: a {@code cly_} CLI key goes to auth-service; a JWT goes to the
 * verifier of the issuer it names, if that issuer is trusted (ours, and Keycloak when configured).
 * An untrusted or missing issuer is refused before any signature work.
 */
final class CredentialAuthenticationManager {

    private final ApiKeyAuthenticationManager apiKeys;
    private final JwtIssuerReactiveAuthenticationManagerResolver jwtByIssuer;

    CredentialAuthenticationManager(ApiKeyAuthenticationManager apiKeys,
                                    Map<String, ReactiveAuthenticationManager> managersByIssuer) {
        this.apiKeys = apiKeys;
        this.jwtByIssuer = new JwtIssuerReactiveAuthenticationManagerResolver(
                issuer -> Mono.justOrEmpty(managersByIssuer.get(issuer)));
    }

    ReactiveAuthenticationManager forExchange(ServerWebExchange exchange) {
        return authentication -> {
            if (authentication instanceof BearerTokenAuthenticationToken bearer
                    && bearer.getToken().startsWith(ApiKeyAuthenticationManager.PREFIX)) {
                return apiKeys.authenticate(bearer);
            }
            return jwtByIssuer.resolve(exchange).flatMap(manager -> manager.authenticate(authentication))
                    .map(Authentication.class::cast);
        };
    }
}

package io.cloudya.gateway.identity;

import io.cloudya.gateway.apikey.ApiKeyAuthenticationManager;
import java.util.Map;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
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
    private final Map<String, ReactiveAuthenticationManager> managersByIssuer;
    private final JwtIssuerReactiveAuthenticationManagerResolver jwtByIssuer;
    private final VerifiedJwtCache verifiedJwts;

    CredentialAuthenticationManager(ApiKeyAuthenticationManager apiKeys,
                                    Map<String, ReactiveAuthenticationManager> managersByIssuer,
                                    VerifiedJwtCache verifiedJwts) {
        this.apiKeys = apiKeys;
        this.managersByIssuer = Map.copyOf(managersByIssuer);
        this.jwtByIssuer = new JwtIssuerReactiveAuthenticationManagerResolver(
                issuer -> Mono.justOrEmpty(this.managersByIssuer.get(issuer)));
        this.verifiedJwts = verifiedJwts;
    }

    ReactiveAuthenticationManager forExchange(ServerWebExchange exchange) {
        return authentication -> {
            if (authentication instanceof BearerTokenAuthenticationToken bearer
                    && bearer.getToken().startsWith(ApiKeyAuthenticationManager.PREFIX)) {
                return apiKeys.authenticate(bearer);
            }
            return managerFor(authentication, exchange).flatMap(manager -> manager.authenticate(authentication))
                    .map(Authentication.class::cast);
        };
    }

    /**
     * A token verified before names its issuer's manager from the cache: finding the issuer otherwise parses the
     * whole token on every request, ~7 % of the gateway's CPU per JWT request (profiled). That manager's decoder
     * then answers from the same cache.
     */
    private Mono<ReactiveAuthenticationManager> managerFor(Authentication authentication, ServerWebExchange exchange) {
        Jwt known = authentication instanceof BearerTokenAuthenticationToken bearer
                ? verifiedJwts.known(bearer.getToken()) : null;
        if (known == null) {
            return jwtByIssuer.resolve(exchange);
        }
        return Mono.justOrEmpty(managersByIssuer.get(known.getClaimAsString(JwtClaimNames.ISS)));
    }
}

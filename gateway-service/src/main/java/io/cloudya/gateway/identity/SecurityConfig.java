package io.cloudya.gateway.identity;

import io.cloudya.gateway.apikey.ApiKeyAuthenticationManager;
import io.cloudya.gateway.apikey.AuthServiceClient;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import reactor.core.publisher.Mono;

/** Stateless bearer authentication in front of every non-public path; no sessions, cookies or CSRF. */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    /**
     * Not only unobserved (management.observations.enable.spring.security=false) but undecorated: with observations
     * merely disabled, Spring Security still wraps every filter of the chain in observation operators, each walked on
     * every signal of every request (profiled: a tenth of the gateway's CPU). Requests stay observed as a whole.
     */
    @Bean
    SecurityObservationSettings securityFiltersUnobserved() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityWebFilterChain security(ServerHttpSecurity http, AuthProperties properties, AuthServiceClient authService,
                                    ApiKeyAuthenticationManager apiKeys, UnauthenticatedEntryPoint entryPoint) {
        var verifiedJwts = VerifiedJwtCache.standard();
        Map<String, ReactiveAuthenticationManager> issuers = new LinkedHashMap<>();
        issuers.put(properties.issuer(), OwnTokens.manager(properties, verifiedJwts));
        if (properties.keycloak().enabled()) {
            issuers.put(properties.keycloak().issuerUri(),
                    KeycloakTokens.manager(properties.keycloak(), authService, verifiedJwts));
        }
        var credentials = new CredentialAuthenticationManager(apiKeys, issuers, verifiedJwts);
        var bearer = new ServerBearerTokenAuthenticationConverter();
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                // the default request cache opens a WebSession on every request (a SecureRandom id made on
                // boundedElastic, then a hop to parallel): for a stateless API that was a sixth of the gateway's CPU
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                // the services behind decide how their answers may be cached
                .headers(headers -> headers.cache(ServerHttpSecurity.HeaderSpec.CacheSpec::disable))
                .authorizeExchange(exchanges -> exchanges.pathMatchers(PublicPaths.PATTERNS).permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(server -> server
                        .authenticationManagerResolver(exchange -> Mono.just(credentials.forExchange(exchange)))
                        // a stale token sent to login or register must not turn a public call into a 401
                        .bearerTokenConverter(exchange -> PublicPaths.MATCHER.matches(exchange)
                                .flatMap(match -> match.isMatch() ? Mono.empty() : bearer.convert(exchange)))
                        .authenticationEntryPoint(entryPoint))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint))
                .build();
    }
}

package io.cloudya.gateway.identity;

import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/** What anyone may call without a credential; everything else needs a valid token or API key. */
final class PublicPaths {

    static final String[] PATTERNS = {
            "/api/auth/register", "/api/auth/login", "/api/auth/refresh",
            // Stripe cannot hold a Cloudya token: billing-service checks Stripe's signature instead
            "/api/billing/webhook",
            "/api/health", "/.well-known/**", "/actuator/**",
            // reached only by forwards from circuit breakers; direct calls get 404 from the controller
            "/fallback/**"};

    static final ServerWebExchangeMatcher MATCHER = ServerWebExchangeMatchers.pathMatchers(PATTERNS);

    private PublicPaths() {
    }
}

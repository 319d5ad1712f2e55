package io.cloudya.gateway.ratelimit;

import io.cloudya.gateway.error.ApiErrorWriter;
import io.cloudya.gateway.identity.VerifiedIdentity;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Limits every authenticated, routed request by its user's plan. Answers carry X-RateLimit-Limit (requests
 * per minute) and X-RateLimit-Remaining; a refusal is 429 {@code rate_limited} with Retry-After. Requests
 * without an identity (public paths) are not limited here: auth-service throttles logins itself.
 */
@Component
class RateLimitFilter implements GlobalFilter, Ordered {

    static final String LIMIT = "X-RateLimit-Limit";
    static final String REMAINING = "X-RateLimit-Remaining";

    private final PlanRateLimiter limiter;
    private final ApiErrorWriter errors;

    RateLimitFilter(PlanRateLimiter limiter, ApiErrorWriter errors) {
        this.limiter = limiter;
        this.errors = errors;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        VerifiedIdentity identity = exchange.getAttribute(VerifiedIdentity.ATTRIBUTE);
        if (identity == null) {
            return chain.filter(exchange);
        }
        return limiter.check(identity).flatMap(decision -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set(LIMIT, String.valueOf(decision.rate().requestsPerMinute()));
            headers.set(REMAINING, String.valueOf(decision.remainingRequests()));
            if (decision.allowed()) {
                return chain.filter(exchange);
            }
            headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(decision.retryAfterSeconds()));
            return errors.write(exchange.getResponse(), HttpStatus.TOO_MANY_REQUESTS,
                    "Rate limit of " + decision.rate().requestsPerMinute() + " requests per minute reached for the "
                            + identity.plan() + " plan; retry after " + decision.retryAfterSeconds() + " s");
        });
    }

    /** Right after the identity filter, before any route filter (circuit breakers) or the upstream call. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}

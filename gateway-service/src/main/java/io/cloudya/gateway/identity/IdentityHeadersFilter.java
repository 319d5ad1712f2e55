package io.cloudya.gateway.identity;

import io.cloudya.contracts.http.IdentityHeaders;
import java.util.Optional;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Services trust the identity headers blindly, so only the gateway may set them: every client copy is
 * dropped (set/remove replace all values, any case), then the verified user, plan and priority are stamped.
 * The credential itself stays here: services never need it, and each copy is one more place to leak from.
 * The identity also goes into an exchange attribute, for the rate limiter and for log lines about the request.
 */
@Component
class IdentityHeadersFilter implements GlobalFilter, Ordered {

    static final String PRIORITY = "X-Priority";

    private final IdentityProperties properties;

    IdentityHeadersFilter(IdentityProperties properties) {
        this.properties = properties;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(IdentityAuthentication.class::isInstance)
                .map(authentication -> Optional.of(((IdentityAuthentication) authentication).identity()))
                .defaultIfEmpty(Optional.empty())
                .flatMap(identity -> {
                    identity.ifPresent(id -> exchange.getAttributes().put(VerifiedIdentity.ATTRIBUTE, id));
                    var request = exchange.getRequest().mutate().headers(headers -> stamp(headers, identity)).build();
                    return chain.filter(exchange.mutate().request(request).build());
                });
    }

    private void stamp(HttpHeaders headers, Optional<VerifiedIdentity> identity) {
        headers.remove(IdentityHeaders.USER_ID);
        headers.remove(IdentityHeaders.USER_PLAN);
        headers.remove(PRIORITY);
        headers.remove(HttpHeaders.AUTHORIZATION);
        identity.ifPresent(id -> {
            headers.set(IdentityHeaders.USER_ID, id.userId());
            headers.set(IdentityHeaders.USER_PLAN, id.plan());
            if (properties.priorityPlans().contains(id.plan())) {
                headers.set(PRIORITY, "high");
            }
        });
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}

package io.cloudya.gateway.identity;

import io.cloudya.contracts.http.IdentityHeaders;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Services trust the identity headers blindly, so a client must never set them: this filter drops any
 * client-sent copy and stamps the configured anonymous identity. The authentication issue replaces this
 * class with one that sets the verified user and plan instead.
 */
@Component
class AnonymousIdentityFilter implements GlobalFilter, Ordered {

    private final IdentityProperties identity;

    AnonymousIdentityFilter(IdentityProperties identity) {
        this.identity = identity;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        var request = exchange.getRequest().mutate().headers(headers -> {
            // set() replaces every value, so repeated or differently-cased client headers are gone too
            headers.set(IdentityHeaders.USER_ID, identity.defaultUserId());
            headers.set(IdentityHeaders.USER_PLAN, identity.defaultPlan());
        }).build();
        return chain.filter(exchange.mutate().request(request).build());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}

package io.cloudya.gateway.identity;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Puts the verified identity of a routed request into an exchange attribute, where the rate limiter, the upstream
 * headers ({@link IdentityStamp}) and log lines about the request find it without a Reactor context lookup.
 */
@Component
class IdentityAttributeFilter implements GlobalFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(IdentityAuthentication.class::isInstance)
                .doOnNext(authentication -> exchange.getAttributes().put(VerifiedIdentity.ATTRIBUTE,
                        ((IdentityAuthentication) authentication).identity()))
                .then(chain.filter(exchange));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}

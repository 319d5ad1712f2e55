package io.cloudya.gateway.forwarding;

import java.net.InetSocketAddress;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Forwards X-Forwarded-For the way every standard proxy does: what this request arrived with, plus the address
 * of the peer that sent it. auth-service throttles logins per client address and counts its trusted proxy hops
 * from the right of this list ({@code TRUSTED_PROXY_HOPS}), so the gateway must be one such hop.
 * <p>
 * Spring Cloud Gateway's own X-Forwarded filter either drops the header (no {@code trusted-proxies} set) or
 * keeps only entries matching the trusted-proxy pattern, losing the client either way. This runs after its
 * removal (order 0). The peer is the socket's address because {@code server.forward-headers-strategy} is
 * {@code none}: Netty's forwarded support would replace it by the leftmost entry, which the client writes.
 */
@Component
class ForwardedForHeaderFilter implements HttpHeadersFilter, Ordered {

    static final String X_FORWARDED_FOR = "X-Forwarded-For";

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders forwarded = new HttpHeaders();
        forwarded.addAll(input);
        forwarded.remove(X_FORWARDED_FOR);
        String received = String.join(", ", exchange.getRequest().getHeaders().getValuesAsList(X_FORWARDED_FOR));
        String peer = peerAddress(exchange.getRequest().getRemoteAddress());
        String chain = received.isBlank() ? peer : peer == null ? received : received + ", " + peer;
        if (chain != null) {
            forwarded.set(X_FORWARDED_FOR, chain);
        }
        return forwarded;
    }

    private static String peerAddress(InetSocketAddress remote) {
        return remote == null || remote.getAddress() == null ? null : remote.getAddress().getHostAddress();
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}

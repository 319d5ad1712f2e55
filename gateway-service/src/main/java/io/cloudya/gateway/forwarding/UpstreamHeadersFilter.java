package io.cloudya.gateway.forwarding;

import io.cloudya.contracts.http.IdentityHeaders;
import io.cloudya.gateway.identity.IdentityStamp;
import io.cloudya.gateway.identity.VerifiedIdentity;
import io.cloudya.gateway.requestid.RequestIdFilter;
import io.cloudya.gateway.tracing.TraceIdResponseFilter;
import io.micrometer.tracing.propagation.Propagator;
import java.net.InetSocketAddress;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The headers a service receives: the client's, minus its credential and any identity it claims, plus the request
 * id, the verified identity ({@link IdentityStamp}) and X-Forwarded-For. Written once, on the copy sent upstream:
 * mutating the exchange in each filter instead cost a copy of every header and one more exchange decorator (which
 * every later attribute lookup walks through) per filter and request.
 * <p>
 * The trace is forwarded from the gateway's server span ({@code traceparent}): Spring Cloud Gateway's own client
 * observation, which would do it from a second span, is off (its header copies and lower-casing, a second timer
 * beside {@code spring_cloud_gateway_requests}, and a span per request cost ~6 % of the CPU per request, profiled).
 * <p>
 * X-Forwarded-For is forwarded the way every standard proxy does: what this request arrived with, plus the address
 * of the peer that sent it. auth-service throttles logins per client address and counts its trusted proxy hops from
 * the right of this list ({@code TRUSTED_PROXY_HOPS}), so the gateway must be one such hop. Spring Cloud Gateway's own
 * X-Forwarded filter either drops the header (no {@code trusted-proxies} set) or keeps only entries matching the
 * trusted-proxy pattern, losing the client either way; this runs after its removal (order 0). The other
 * X-Forwarded-* and Forwarded headers are not added (no service reads them) and a client's are still removed by
 * the gateway's Remove*ForwardedHeadersFilter, which stays on while {@code trusted-proxies} is unset. The peer is the
 * socket's address because {@code server.forward-headers-strategy} is {@code none}: Netty's forwarded support would
 * replace it by the leftmost entry, which the client writes.
 */
@Component
class UpstreamHeadersFilter implements HttpHeadersFilter, Ordered {

    static final String X_FORWARDED_FOR = "X-Forwarded-For";

    private final IdentityStamp identityStamp;
    private final Propagator propagator;

    UpstreamHeadersFilter(IdentityStamp identityStamp, Propagator propagator) {
        this.identityStamp = identityStamp;
        this.propagator = propagator;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders upstream = new HttpHeaders();
        upstream.addAll(input);
        upstream.remove(X_FORWARDED_FOR);
        String received = String.join(", ", exchange.getRequest().getHeaders().getValuesAsList(X_FORWARDED_FOR));
        String peer = peerAddress(exchange.getRequest().getRemoteAddress());
        String chain = received.isBlank() ? peer : peer == null ? received : received + ", " + peer;
        if (chain != null) {
            upstream.set(X_FORWARDED_FOR, chain);
        }
        String requestId = exchange.getAttribute(RequestIdFilter.ATTRIBUTE);
        if (requestId != null) {
            upstream.set(IdentityHeaders.REQUEST_ID, requestId);
        }
        identityStamp.stamp(upstream, exchange.<VerifiedIdentity>getAttribute(VerifiedIdentity.ATTRIBUTE));
        TraceIdResponseFilter.serverSpan(exchange)
                .ifPresent(span -> propagator.inject(span, upstream, HttpHeaders::set));
        return upstream;
    }

    private static String peerAddress(InetSocketAddress remote) {
        return remote == null || remote.getAddress() == null ? null : remote.getAddress().getHostAddress();
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}

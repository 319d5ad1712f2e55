package io.cloudya.gateway.requestid;

import io.cloudya.contracts.http.IdentityHeaders;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request one X-Request-Id: the client's if it is sane (so a CLI user can quote it), else a
 * new UUID. It goes upstream, back on the response, and into an exchange attribute, from which log lines about the
 * request take it ({@link RequestLogContext}). A WebFilter, not a route filter, so 404s and /api/health get one too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter implements WebFilter {

    public static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".requestId";

    /** Short and plain: the value lands in logs and other services' headers. */
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String requestId = accept(exchange.getRequest().getHeaders().getFirst(IdentityHeaders.REQUEST_ID));
        exchange.getAttributes().put(ATTRIBUTE, requestId);
        var response = exchange.getResponse();
        // set just before commit so an upstream's own header cannot replace or duplicate ours
        response.beforeCommit(() -> {
            response.getHeaders().set(IdentityHeaders.REQUEST_ID, requestId);
            return Mono.empty();
        });
        // upstream it goes through UpstreamHeadersFilter, on the headers copy the route sends anyway
        return chain.filter(exchange);
    }

    static String accept(String candidate) {
        if (candidate != null && SANE.matcher(candidate).matches()) {
            return candidate;
        }
        return UUID.randomUUID().toString();
    }
}

package io.cloudya.gateway.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Returns the request's trace id as {@code X-Trace-Id}, next to X-Request-Id: the id every service's log lines
 * for this request carry (they continue the gateway's trace), so a CLI user can quote one id that finds them all.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class TraceIdResponseFilter implements WebFilter {

    static final String TRACE_ID = "X-Trace-Id";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        traceId(exchange).ifPresent(traceId -> {
            var response = exchange.getResponse();
            // set just before commit so an upstream's header of the same name cannot replace or duplicate ours
            response.beforeCommit(() -> {
                response.getHeaders().set(TRACE_ID, traceId);
                return Mono.empty();
            });
        });
        return chain.filter(exchange);
    }

    static Optional<String> traceId(ServerWebExchange exchange) {
        return serverSpan(exchange).map(TraceContext::traceId);
    }

    /** The span of the server observation Spring WebFlux opened for this exchange, before any filter ran. */
    public static Optional<TraceContext> serverSpan(ServerWebExchange exchange) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingContext>get(TracingContext.class))
                .map(TracingContext::getSpan)
                .map(Span::context);
    }
}

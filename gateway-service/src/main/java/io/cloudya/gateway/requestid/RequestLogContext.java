package io.cloudya.gateway.requestid;

import io.cloudya.gateway.identity.VerifiedIdentity;
import io.cloudya.gateway.tracing.TraceIdResponseFilter;
import org.slf4j.MDC;
import org.springframework.web.server.ServerWebExchange;

/**
 * Names the request (its id, trace and, once authenticated, its user) in the MDC while a log line about it is written:
 * {@code try (var ignored = RequestLogContext.of(exchange)) { log.warn(...); }}. Explicit on purpose: restoring the
 * MDC from the Reactor context on every signal ({@code spring.reactor.context-propagation=auto}) cost a third of the
 * gateway's CPU under load, for the few lines a request ever logs.
 */
public final class RequestLogContext implements AutoCloseable {

    static final String REQUEST_ID = "requestId";
    static final String USER_ID = "userId";
    private static final String TRACE_ID = "traceId";
    private static final String SPAN_ID = "spanId";

    private RequestLogContext() {
    }

    public static RequestLogContext of(ServerWebExchange exchange) {
        String requestId = exchange.getAttribute(RequestIdFilter.ATTRIBUTE);
        if (requestId != null) {
            MDC.put(REQUEST_ID, requestId);
        }
        VerifiedIdentity identity = exchange.getAttribute(VerifiedIdentity.ATTRIBUTE);
        if (identity != null) {
            MDC.put(USER_ID, identity.userId());
        }
        TraceIdResponseFilter.serverSpan(exchange).ifPresent(span -> {
            MDC.put(TRACE_ID, span.traceId());
            MDC.put(SPAN_ID, span.spanId());
        });
        return new RequestLogContext();
    }

    @Override
    public void close() {
        MDC.remove(REQUEST_ID);
        MDC.remove(USER_ID);
        MDC.remove(TRACE_ID);
        MDC.remove(SPAN_ID);
    }
}

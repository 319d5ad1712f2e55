package io.cloudya.outbox;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the current span through Micrometer Tracing and renders it with the application's own propagator, the
 * same one Spring Kafka and the HTTP clients use, so the header a consumer reads is the one it would get anyway.
 */
class MicrometerOutboxTraceContext implements OutboxTraceContext {

    private final Tracer tracer;
    private final Propagator propagator;

    MicrometerOutboxTraceContext(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    public String currentTraceparent() {
        TraceContext context = tracer.currentTraceContext().context();
        if (context == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(context, carrier, Map::put);
        return carrier.get(OutboxMessage.TRACEPARENT);
    }
}

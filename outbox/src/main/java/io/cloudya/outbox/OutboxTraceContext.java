package io.cloudya.outbox;

/**
 * The trace an event is written in, as a W3C {@code traceparent}, so the event carries it to Kafka (outbox column
 * for the relay, record header on the fast path) and its consumers continue the same trace.
 */
@FunctionalInterface
public interface OutboxTraceContext {

    /** No tracing on the classpath or in the context: events carry no trace. */
    OutboxTraceContext NONE = () -> null;

    /** The current span's traceparent, or null outside any trace. */
    String currentTraceparent();
}

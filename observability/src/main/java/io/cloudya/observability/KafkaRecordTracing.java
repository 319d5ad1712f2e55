package io.cloudya.observability;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Continues a consumed record's trace (its {@code traceparent} header) around the work done for it. Spring Kafka
 * does this for record listeners (spring.kafka.listener.observation-enabled); a batch listener gets no span per
 * record, so it wraps each record's handling here, and that work's log lines and outbox events carry the trace.
 */
public class KafkaRecordTracing {

    private final Tracer tracer;
    private final Propagator propagator;

    public KafkaRecordTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** Runs {@code work} in a consumer span whose parent is the record's trace (a new trace if it carries none). */
    public <T> T inTraceOf(ConsumerRecord<?, ?> record, Supplier<T> work) {
        Span span = propagator.extract(record, KafkaRecordTracing::header)
                .kind(Span.Kind.CONSUMER).name(record.topic() + " process").start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            return work.get();
        } catch (RuntimeException | Error e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    public void inTraceOf(ConsumerRecord<?, ?> record, Runnable work) {
        inTraceOf(record, () -> {
            work.run();
            return null;
        });
    }

    private static String header(ConsumerRecord<?, ?> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

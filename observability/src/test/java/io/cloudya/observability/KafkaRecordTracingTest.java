package io.cloudya.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class KafkaRecordTracingTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PARENT = "00f067aa0ba902b7";

    @Test
    void shouldRunTheWorkInAChildSpanOfTheRecordsTraceparent() {
        TracingContextRunner.create().run(context -> {
            var record = new ConsumerRecord<>("command.events", 0, 1L, "user-1", "{}");
            String traceparent = "00-" + TRACE + "-" + PARENT + "-01";
            record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
            Tracer tracer = context.getBean(Tracer.class);
            AtomicReference<TraceContext> seen = new AtomicReference<>();

            context.getBean(KafkaRecordTracing.class).inTraceOf(record,
                    () -> seen.set(tracer.currentSpan().context()));

            assertThat(seen.get().traceId()).isEqualTo(TRACE);
            assertThat(seen.get().parentId()).isEqualTo(PARENT);
            assertThat(tracer.currentSpan()).as("the span is closed after the work").isNull();
        });
    }

    @Test
    void shouldStartANewTraceForARecordWithoutTraceparent() {
        TracingContextRunner.create().run(context -> {
            Tracer tracer = context.getBean(Tracer.class);
            AtomicReference<TraceContext> seen = new AtomicReference<>();

            context.getBean(KafkaRecordTracing.class).inTraceOf(new ConsumerRecord<>("command.events", 0, 2L,
                    "user-2", "{}"), () -> seen.set(tracer.currentSpan().context()));

            assertThat(seen.get().traceId()).matches("[0-9a-f]{32}").isNotEqualTo(TRACE);
        });
    }
}

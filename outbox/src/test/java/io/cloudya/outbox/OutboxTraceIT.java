package io.cloudya.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.auth.UserRegistered;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** An event written inside a trace carries that trace: in the outbox row (for the relay) and on the fast path. */
@SpringBootTest(classes = OutboxTestApplication.class)
class OutboxTraceIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = TestDatabase.recreate("cloudya_outbox_trace_it");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.flyway.locations", () -> "classpath:db/outbox");
    }

    @Autowired OutboxWriter outbox;
    @Autowired TransactionTemplate tx;
    @Autowired JdbcClient jdbc;
    @Autowired Tracer tracer;

    @BeforeEach
    void clearCapturedSends() {
        OutboxTestApplication.FAST_PATH_SENT.clear();
    }

    @Test
    void shouldCarryTheWritersTraceparentInTheRowAndOnTheFastPath() {
        var event = EventEnvelope.of("user-t", "req-t", new UserRegistered("user-t", "t@b.io", "free"));
        Span writer = tracer.nextSpan().name("writer").start();
        String expected = "00-" + writer.context().traceId() + "-" + writer.context().spanId() + "-";

        try (WalInserts wal = new WalInserts(jdbc, "outbox_trace_it");
             Tracer.SpanInScope ignored = tracer.withSpan(writer)) {
            tx.executeWithoutResult(status -> outbox.append("user.events", "user", event));

            assertThat(wal.outboxInserts()).singleElement().asString()
                    .contains("id[uuid]:'" + event.id() + "'")
                    .containsPattern("traceparent\\[character varying]:'" + expected + "0[01]'");
        } finally {
            writer.end();
        }
        assertThat(OutboxTestApplication.FAST_PATH_SENT).singleElement()
                .satisfies(sent -> assertThat(sent.traceparent()).startsWith(expected).hasSize(55));
    }

    @Test
    void shouldCarryNoTraceWhenWrittenOutsideOne() {
        var event = EventEnvelope.of("user-u", null, new UserRegistered("user-u", "u@b.io", "free"));

        try (WalInserts wal = new WalInserts(jdbc, "outbox_untraced_it")) {
            tx.executeWithoutResult(status -> outbox.append("user.events", "user", event));

            assertThat(wal.outboxInserts()).singleElement().asString().contains("traceparent[character varying]:null");
        }
        assertThat(OutboxTestApplication.FAST_PATH_SENT).singleElement()
                .satisfies(sent -> assertThat(sent.traceparent()).isNull());
    }
}

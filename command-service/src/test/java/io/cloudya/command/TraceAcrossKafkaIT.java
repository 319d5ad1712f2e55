package io.cloudya.command;

import static io.cloudya.command.SagaPlayer.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudya.command.store.NewCommand;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.ai.AiJobCompleted;
import io.cloudya.contracts.command.CommandRequested;
import io.cloudya.contracts.command.ExecutionMode;
import io.cloudya.outbox.testing.KafkaProbe;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One trace across the Kafka hops: the event a traced request writes carries that trace, and a listener continues
 * the trace of the record it consumes into the events it writes in turn.
 */
@SagaIT
class TraceAcrossKafkaIT extends SagaITSupport {

    @Autowired Tracer tracer;

    @Test
    void shouldCarryTheRequestsTraceOntoCommandRequested() {
        String user = "it-trace-" + UUID.randomUUID();
        String trace = randomHex(16);

        api.postTraced(user, "free", "req-" + user, "00-" + trace + "-" + randomHex(8) + "-01",
                "{\"user_input\":\"show open ports\"}");

        var requested = saga.probe().await(Topics.COMMAND_EVENTS, e -> e.payload() instanceof CommandRequested r
                && r.userId().equals(user), WAIT);
        assertThat(KafkaProbe.header(requested, "traceparent")).matches("00-" + trace + "-[0-9a-f]{16}-01");
    }

    @Test
    void shouldContinueTheConsumedRecordsTraceIntoTheReplyTheListenerWrites() {
        // a command whose request another instance holds: the verdict goes on to command.replies for it
        String user = "it-trace-" + UUID.randomUUID();
        UUID commandId = UUID.randomUUID();
        commands.insert(new NewCommand(commandId, user, "free", "show memory use", ExecutionMode.SUGGEST,
                Instant.now(), null, null, false));
        // the ai-worker answers in a trace of its own, so that only the consumed record's traceparent can explain
        // what the reply carries
        String workerTrace = randomHex(16);
        Span worker = tracer.spanBuilder().setParent(tracer.traceContextBuilder().traceId(workerTrace)
                .spanId(randomHex(8)).sampled(true).build()).name("ai-worker answer").start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(worker)) {
            saga.publish(Topics.COMMAND_EVENTS, SagaEventsMother.completed(commandId, user,
                    SagaEventsMother.held(300, 700), 12));
        } finally {
            worker.end();
        }

        try (var replies = new KafkaProbe(broker, Topics.COMMAND_REPLIES)) {
            var reply = replies.await(Topics.COMMAND_REPLIES, e -> e.payload() instanceof AiJobCompleted c
                    && c.commandId().equals(commandId), WAIT);
            assertThat(KafkaProbe.header(reply, "traceparent")).matches("00-" + workerTrace + "-[0-9a-f]{16}-01");
        }
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}

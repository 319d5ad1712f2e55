package io.cloudya.command.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudya.contracts.ai.AiAnswerChunk;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

class PendingAnswersTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final PendingAnswers pending = new PendingAnswers(timer, meters);

    /** Records what a parked request received. */
    static final class RecordingSink implements AnswerSink {
        final List<Object> received = new ArrayList<>();

        @Override
        public synchronized void chunk(AiAnswerChunk chunk) {
            received.add(chunk.text());
        }

        @Override
        public synchronized void finish(ResponseEntity<Object> answer) {
            received.add(answer);
        }
    }

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    @Test
    void shouldFinishHeldRequestAndForgetIt() {
        UUID id = UUID.randomUUID();
        var sink = new RecordingSink();
        pending.register(id, sink, Duration.ofSeconds(5), () -> true);

        boolean completed = pending.complete(id, "completed", () -> ResponseEntity.ok("answer"));

        assertThat(completed).isTrue();
        assertThat(sink.received).containsExactly(ResponseEntity.ok("answer"));
        assertThat(pending.size()).isZero();
        assertThat(meters.get("commands.pending.answers").gauge().value()).isZero();
        assertThat(meters.get("commands.answer.latency").tag("outcome", "completed").timer().count()).isEqualTo(1);
    }

    @Test
    void shouldIgnoreAnswerForRequestHeldElsewhere() {
        boolean completed = pending.complete(UUID.randomUUID(), "completed", () -> ResponseEntity.ok("x"));

        assertThat(completed).isFalse();
    }

    @Test
    void shouldFinishOnlyOnceWhenAnswerArrivesTwice() {
        UUID id = UUID.randomUUID();
        var sink = new RecordingSink();
        pending.register(id, sink, Duration.ofSeconds(5), () -> true);

        pending.complete(id, "completed", () -> ResponseEntity.ok("first"));
        boolean second = pending.complete(id, "completed", () -> ResponseEntity.ok("second"));

        assertThat(second).isFalse();
        assertThat(sink.received).containsExactly(ResponseEntity.ok("first"));
    }

    @Test
    void shouldRecordTimeoutOnceThenAnswer504AndIgnoreLateAnswer() {
        UUID id = UUID.randomUUID();
        var sink = new RecordingSink();
        var timeouts = new AtomicInteger();
        pending.register(id, sink, Duration.ofMillis(20), () -> timeouts.incrementAndGet() > 0);

        await().atMost(Duration.ofSeconds(5)).until(() -> pending.size() == 0 && !sink.received.isEmpty());
        boolean late = pending.complete(id, "completed", () -> ResponseEntity.ok("late"));

        assertThat(late).isFalse();
        assertThat(timeouts).hasValue(1);
        assertThat(sink.received).singleElement().satisfies(answer ->
                assertThat(((ResponseEntity<?>) answer).getStatusCode().value()).isEqualTo(504));
    }

    @Test
    void waitsForAnOutcomeRecordedJustBeforeTheDeadlineInsteadOfAnswering504() {
        UUID id = UUID.randomUUID();
        var sink = new RecordingSink();
        var timeouts = new AtomicInteger();
        // the row was already COMPLETED when the deadline fired: the timeout changed nothing
        pending.register(id, sink, Duration.ofMillis(20), () -> timeouts.incrementAndGet() < 0);

        await().atMost(Duration.ofSeconds(5)).until(() -> timeouts.get() == 1);
        boolean answered = pending.complete(id, "completed", () -> ResponseEntity.ok("answered at the deadline"));

        assertThat(answered).isTrue();
        assertThat(sink.received).containsExactly(ResponseEntity.ok("answered at the deadline"));
        assertThat(pending.size()).isZero();
    }

    @Test
    void shouldNotTimeOutAnsweredRequest() {
        UUID id = UUID.randomUUID();
        var timeouts = new AtomicInteger();
        pending.register(id, new RecordingSink(), Duration.ofMillis(50), () -> timeouts.incrementAndGet() > 0);

        pending.complete(id, "completed", () -> ResponseEntity.ok("fast"));

        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1)).until(() -> timeouts.get() == 0);
    }

    @Test
    void shouldForwardChunksOnlyToTheRequestItHolds() {
        UUID id = UUID.randomUUID();
        var sink = new RecordingSink();
        pending.register(id, sink, Duration.ofSeconds(5), () -> true);

        pending.chunk(new AiAnswerChunk(id, "u1", 0, "kubectl "));
        pending.chunk(new AiAnswerChunk(UUID.randomUUID(), "u2", 0, "not mine"));

        assertThat(sink.received).containsExactly("kubectl ");
    }

    @Test
    void shouldCountParkedRequestsInGauge() {
        pending.register(UUID.randomUUID(), new RecordingSink(), Duration.ofSeconds(5), () -> true);
        UUID discarded = UUID.randomUUID();
        pending.register(discarded, new RecordingSink(), Duration.ofSeconds(5), () -> true);

        pending.discard(discarded);

        assertThat(meters.get("commands.pending.answers").gauge().value()).isEqualTo(1);
    }
}

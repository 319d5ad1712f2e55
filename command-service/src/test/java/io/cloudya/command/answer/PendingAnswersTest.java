package io.cloudya.command.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudya.contracts.ai.AiAnswerChunk;
import io.cloudya.contracts.http.ApiError;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/** The requests held open: each finished once, by its verdict or, without one, after its deadline and a grace. */
class PendingAnswersTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
    private final PendingAnswers pending = new PendingAnswers(timer, meters);

    {
        timer.setRemoveOnCancelPolicy(true);
    }

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    @Test
    void shouldFinishHeldRequestAndForgetIt() {
        UUID id = UUID.randomUUID();
        var sink = new RecordingSink();
        pending.register(id, sink, Duration.ofSeconds(5));

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
        pending.register(id, sink, Duration.ofSeconds(5));

        pending.complete(id, "completed", () -> ResponseEntity.ok("first"));
        boolean second = pending.complete(id, "completed", () -> ResponseEntity.ok("second"));

        assertThat(second).isFalse();
        assertThat(sink.received).containsExactly(ResponseEntity.ok("first"));
    }

    @Test
    void answersTheVerdictThatArrivesJustAfterTheDeadline() {
        UUID id = UUID.randomUUID();
        var sink = new RecordingSink();
        pending.register(id, sink, Duration.ofMillis(20));

        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1)).until(() -> sink.count() == 0);
        boolean answered = pending.complete(id, "completed", () -> ResponseEntity.ok("ready at the deadline"));

        assertThat(answered).isTrue();
        assertThat(sink.received).containsExactly(ResponseEntity.ok("ready at the deadline"));
        assertThat(pending.size()).isZero();
    }

    @Test
    void answers504WithWhereToLookWhenNoVerdictArrivesByTheDeadlineAndItsGrace() {
        UUID id = UUID.randomUUID();
        var sink = new RecordingSink();
        long registered = System.nanoTime();
        pending.register(id, sink, Duration.ofMillis(20));

        await().atMost(PendingAnswers.VERDICT_GRACE.plusSeconds(5)).until(() -> sink.count() == 1);
        boolean late = pending.complete(id, "completed", () -> ResponseEntity.ok("late"));

        assertThat(Duration.ofNanos(System.nanoTime() - registered))
                .isGreaterThanOrEqualTo(PendingAnswers.VERDICT_GRACE.plusMillis(20));
        assertThat(late).as("nothing left to finish").isFalse();
        assertThat(sink.received).singleElement().satisfies(answer -> {
            var response = (ResponseEntity<?>) answer;
            assertThat(response.getStatusCode().value()).isEqualTo(504);
            var error = (ApiError) response.getBody();
            assertThat(error.code()).isEqualTo("answer_timeout");
            assertThat(error.message()).contains("GET /api/commands/" + id);
        });
        assertThat(meters.get("commands.answer.latency").tag("outcome", "timeout").timer().count()).isEqualTo(1);
    }

    @Test
    void forgetsTheTimerOfAnAnsweredRequest() {
        UUID id = UUID.randomUUID();
        pending.register(id, new RecordingSink(), Duration.ofSeconds(30));
        assertThat(timer.getQueue()).hasSize(1);

        pending.complete(id, "completed", () -> ResponseEntity.ok("fast"));

        assertThat(timer.getQueue()).as("no timer kept for a request already answered").isEmpty();
    }

    @Test
    void shouldForwardChunksOnlyToTheRequestItHolds() {
        UUID id = UUID.randomUUID();
        var sink = new RecordingSink();
        pending.register(id, sink, Duration.ofSeconds(5));

        pending.chunk(new AiAnswerChunk(id, "u1", 0, "kubectl "));
        pending.chunk(new AiAnswerChunk(UUID.randomUUID(), "u2", 0, "not mine"));

        assertThat(sink.received).containsExactly("kubectl ");
    }

    @Test
    void shouldCountParkedRequestsInGauge() {
        pending.register(UUID.randomUUID(), new RecordingSink(), Duration.ofSeconds(5));
        UUID discarded = UUID.randomUUID();
        pending.register(discarded, new RecordingSink(), Duration.ofSeconds(5));

        pending.discard(discarded);

        assertThat(meters.get("commands.pending.answers").gauge().value()).isEqualTo(1);
    }
}

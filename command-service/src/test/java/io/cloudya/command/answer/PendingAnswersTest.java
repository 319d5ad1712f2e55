package io.cloudya.command.answer;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudya.contracts.command.ExecutionMode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

class PendingAnswersTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final PendingAnswers pending = new PendingAnswers(meters);

    @Test
    void shouldCompleteHeldRequestWithItsExecutionModeAndForgetIt() {
        UUID id = UUID.randomUUID();
        var result = pending.register(id, ExecutionMode.EXPLAIN, Duration.ofSeconds(5), () -> { });

        boolean completed = pending.complete(id, "completed", mode -> ResponseEntity.ok(mode.wireName()));

        assertThat(completed).isTrue();
        assertThat(result.getResult()).isEqualTo(ResponseEntity.ok("explain"));
        assertThat(pending.size()).isZero();
        assertThat(meters.get("commands.pending.answers").gauge().value()).isZero();
        assertThat(meters.get("commands.answer.latency").tag("outcome", "completed").timer().count()).isEqualTo(1);
    }

    @Test
    void shouldIgnoreAnswerForRequestHeldElsewhere() {
        boolean completed = pending.complete(UUID.randomUUID(), "completed", mode -> ResponseEntity.ok("x"));

        assertThat(completed).isFalse();
    }

    @Test
    void shouldCompleteOnlyOnceWhenAnswerArrivesTwice() {
        UUID id = UUID.randomUUID();
        var result = pending.register(id, ExecutionMode.SUGGEST, Duration.ofSeconds(5), () -> { });

        pending.complete(id, "completed", mode -> ResponseEntity.ok("first"));
        boolean second = pending.complete(id, "completed", mode -> ResponseEntity.ok("second"));

        assertThat(second).isFalse();
        assertThat(result.getResult()).isEqualTo(ResponseEntity.ok("first"));
    }

    @Test
    void shouldCountParkedRequestsInGauge() {
        pending.register(UUID.randomUUID(), ExecutionMode.SUGGEST, Duration.ofSeconds(5), () -> { });
        UUID discarded = UUID.randomUUID();
        pending.register(discarded, ExecutionMode.SUGGEST, Duration.ofSeconds(5), () -> { });

        pending.discard(discarded);

        assertThat(meters.get("commands.pending.answers").gauge().value()).isEqualTo(1);
    }
}

package io.cloudya.command.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudya.command.answer.PendingAnswersTest.RecordingSink;
import io.cloudya.contracts.token.ReservationSettled;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

class PendingAnswersSettlementTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final PendingAnswers pending = new PendingAnswers(timer, meters);
    private final ParkedRequest.Answer answer = settlement -> ResponseEntity.ok(
            settlement.map(s -> "ledger " + s.balanceAfter()).orElse("computed"));

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    @Test
    void shouldWaitForSettlementBeforeAnsweringWithItsBalance() {
        UUID id = UUID.randomUUID();
        var sink = new RecordingSink();
        pending.register(id, sink, Duration.ofSeconds(5), () -> { });

        assertThat(pending.answered(id, Duration.ofSeconds(5), answer)).isTrue();
        assertThat(sink.received).isEmpty();
        pending.settled(settlement(id, 897));

        assertThat(sink.received).containsExactly(ResponseEntity.ok("ledger 897"));
        assertThat(pending.size()).isZero();
    }

    @Test
    void shouldKeepEarlySettlementUntilTheAnswerArrives() {
        UUID id = UUID.randomUUID();
        var sink = new RecordingSink();
        pending.register(id, sink, Duration.ofSeconds(5), () -> { });

        pending.settled(settlement(id, 42));
        assertThat(sink.received).isEmpty();
        pending.answered(id, Duration.ofSeconds(5), answer);

        assertThat(sink.received).containsExactly(ResponseEntity.ok("ledger 42"));
    }

    @Test
    void shouldAnswerComputedAndNeverTimeOutWhenSettlementOutlastsDeadline() {
        UUID id = UUID.randomUUID();
        var sink = new RecordingSink();
        var timeouts = new AtomicInteger();
        pending.register(id, sink, Duration.ofMillis(100), timeouts::incrementAndGet);

        pending.answered(id, Duration.ofMillis(300), answer);

        await().atMost(Duration.ofSeconds(2)).until(() -> received(sink) == 1);
        assertThat(sink.received).containsExactly(ResponseEntity.ok("computed"));
        assertThat(timeouts).hasValue(0);
        assertThat(meters.get("commands.answers.unsettled").counter().count()).isEqualTo(1);
        pending.settled(settlement(id, 1));
        assertThat(sink.received).hasSize(1);
    }

    private static int received(RecordingSink sink) {
        synchronized (sink) {
            return sink.received.size();
        }
    }

    private static ReservationSettled settlement(UUID commandId, long balanceAfter) {
        return new ReservationSettled(commandId, "u1", UUID.randomUUID(), 10, 290, balanceAfter);
    }
}

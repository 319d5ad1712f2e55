package io.cloudya.command.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.cloudya.command.store.CommandRepository;
import io.cloudya.command.store.CommandStatus;
import io.cloudya.command.store.StoredCommand;
import io.cloudya.contracts.ai.AiJobCompleted;
import io.cloudya.contracts.ai.AiJobFailed;
import io.cloudya.contracts.command.ExecutionMode;
import io.cloudya.contracts.http.ApiError;
import io.cloudya.contracts.token.HeldTokens;
import io.cloudya.contracts.token.ReservationSettled;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/** An AI answer finishes its request at once, with the numbers of the hold it hands back; nothing else is waited on. */
class AnswerEventsTest {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final PendingAnswers pending = new PendingAnswers(timer, new SimpleMeterRegistry());
    private final CommandRepository commands = mock(CommandRepository.class);
    private final AnswerEvents events = new AnswerEvents(pending, new CompletedAnswers(commands));
    private final UUID id = UUID.randomUUID();
    private final RecordingSink sink = new RecordingSink();

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    @Test
    void answersAtOnceWithTheHoldsNumbers() {
        park(null);

        events.apply(answer(12, new HeldTokens(UUID.randomUUID(), 300, 700)));

        assertThat(answered()).extracting(CommandAnswer::tokensUsed, CommandAnswer::tokensRemaining)
                .containsExactly(12L, 700L + 300 - 12);
        assertThat(pending.size()).isZero();
    }

    @Test
    void chargesAtMostTheHeldAmount() {
        park(null);

        events.apply(answer(650, new HeldTokens(UUID.randomUUID(), 600, 50)));

        assertThat(answered()).extracting(CommandAnswer::tokensUsed, CommandAnswer::tokensRemaining)
                .containsExactly(600L, 50L);
    }

    @Test
    void keepsTheReservationOfARowReservedBeforeHoldsCameBackWithTheAnswer() {
        park(new HeldTokens(UUID.randomUUID(), 300, 100));

        events.apply(answer(450, null));

        assertThat(answered()).extracting(CommandAnswer::tokensUsed, CommandAnswer::tokensRemaining)
                .containsExactly(300L, 100L);
    }

    @Test
    void answersWithTheWordsAndNoBalanceWhenNoHoldIsKnown() {
        park(null);

        events.apply(answer(42, null));

        assertThat(answered()).extracting(CommandAnswer::tokensUsed, CommandAnswer::tokensRemaining)
                .containsExactly(42L, null);
    }

    @Test
    void finishesTheRequestOnceWhenTheAnswerArrivesTwice() {
        park(null);
        var answer = answer(12, new HeldTokens(UUID.randomUUID(), 300, 700));

        events.apply(answer);
        events.apply(answer);

        assertThat(sink.received).hasSize(1);
    }

    @Test
    void takesTheLedgersSettlementForNoOutcome() {
        park(null);
        var settlement = new ReservationSettled(id, "u1", UUID.randomUUID(), 12, 288, 700);

        events.apply(settlement);

        assertThat(AnswerEvents.commandOf(settlement)).isNull();
        assertThat(sink.received).isEmpty();
        assertThat(pending.holds(id)).isTrue();
    }

    @Test
    void answersDeadlinePassedWith504NothingCharged() {
        park(null);

        events.apply(new AiJobFailed(id, "u1", "deadline_passed", "The answer was not ready before the deadline."));

        assertThat(sink.received).singleElement().satisfies(answer -> {
            var response = (ResponseEntity<?>) answer;
            assertThat(response.getStatusCode().value()).isEqualTo(504);
            var error = (ApiError) response.getBody();
            assertThat(error.code()).isEqualTo("answer_timeout");
            assertThat(error.message()).contains("nothing was charged");
        });
        assertThat(pending.size()).isZero();
        verifyNoInteractions(commands);
    }

    private void park(HeldTokens rowReservation) {
        when(commands.findById(id)).thenReturn(Optional.of(new StoredCommand(id, "u1", "free", "list pods",
                ExecutionMode.SUGGEST, CommandStatus.COMPLETED, Instant.now(), Instant.now(), "answer", List.of(),
                "offline-kb", "kb", 0, null, null, rowReservation, null, null, false)));
        pending.register(id, sink, Duration.ofSeconds(5));
    }

    private AiJobCompleted answer(int words, HeldTokens held) {
        return new AiJobCompleted(id, "u1", "kubectl get pods", List.of(), "offline-kb", "kb", words, held);
    }

    private CommandAnswer answered() {
        assertThat(sink.received).hasSize(1);
        return (CommandAnswer) ((ResponseEntity<?>) sink.received.getFirst()).getBody();
    }
}

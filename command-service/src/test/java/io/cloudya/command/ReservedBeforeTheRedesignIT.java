package io.cloudya.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudya.command.store.CommandStatus;
import io.cloudya.command.store.NewCommand;
import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.ai.AiJobCompleted;
import io.cloudya.contracts.command.ExecutionMode;
import io.cloudya.contracts.token.HeldTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A command that was RESERVED when the new saga was deployed (the reservation came back here, the job went out
 * before): its answer, from an ai-worker that hands no hold back, still ends it with the row's own reservation
 * (the 200's numbers come from it too: AnswerEventsTest). The ledger settles from the verdict itself.
 */
@SagaIT
class ReservedBeforeTheRedesignIT extends SagaITSupport {

    @Test
    void completesWithinTheRowsReservationWhenTheAnswerHandsNoHoldBack() {
        HeldTokens stored = new HeldTokens(UUID.randomUUID(), 300, 700);
        UUID commandId = reservedCommand("it-legacy-completed-", stored);
        String user = commands.findById(commandId).orElseThrow().userId();

        saga.publish(Topics.COMMAND_EVENTS, EventEnvelope.of(user, null, new AiJobCompleted(commandId, user,
                "old worker's answer", List.of(), "offline-kb", "kb-2026.11", 450)));

        var row = awaitStatus(commandId, CommandStatus.COMPLETED);
        assertThat(row.reservation()).isEqualTo(stored);
        assertThat(row.wordsUsed()).as("capped at the row's reservation").isEqualTo(300);
        assertThat(saga.commandEventTypes(commandId, Duration.ofMillis(300))).containsExactly("AiJobCompleted");
    }

    @Test
    void failsTheReservedCommandWhenTheAiWorkerFails() {
        HeldTokens stored = new HeldTokens(UUID.randomUUID(), 600, 40);
        UUID commandId = reservedCommand("it-legacy-failed-", stored);
        String user = commands.findById(commandId).orElseThrow().userId();

        saga.publish(Topics.COMMAND_EVENTS, SagaEventsMother.failed(commandId, user, "no_provider"));

        var row = awaitStatus(commandId, CommandStatus.FAILED);
        assertThat(row.failureCode()).isEqualTo("no_provider");
        assertThat(row.reservation()).isEqualTo(stored);
        assertThat(saga.commandEventTypes(commandId, Duration.ofMillis(300))).containsExactly("AiJobFailed");
    }

    /** A row as the old TokensReservedHandler left it: RESERVED, with the ledger's reservation stored. */
    private UUID reservedCommand(String userPrefix, HeldTokens reservation) {
        UUID commandId = UUID.randomUUID();
        commands.insert(new NewCommand(commandId, userPrefix + UUID.randomUUID(), "starter", "list pods",
                ExecutionMode.SUGGEST, Instant.now(), null, null, false));
        jdbc.sql("""
                UPDATE command SET status = 'RESERVED', reservation_id = :reservationId, reserved_tokens = :amount,
                       available_after = :availableAfter
                WHERE id = :id
                """)
                .param("reservationId", reservation.reservationId())
                .param("amount", reservation.amount())
                .param("availableAfter", reservation.availableAfter())
                .param("id", commandId)
                .update();
        return commandId;
    }
}

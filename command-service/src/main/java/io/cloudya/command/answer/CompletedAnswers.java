package io.cloudya.command.answer;

import io.cloudya.command.store.CommandRepository;
import io.cloudya.command.store.Reservation;
import io.cloudya.command.store.StoredCommand;
import io.cloudya.contracts.ai.AiJobCompleted;
import io.cloudya.contracts.token.ReservationSettled;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Builds the 200 answer from the ai-worker's result and the ledger's settlement of this command: its charge and
 * balance are exact even when other commands of the user settle meanwhile. Without a settlement (it did not come
 * within settlement-wait) the numbers are computed from the stored reservation, which was committed before
 * AiJobRequested left and so is always on the row; that balance misses whatever else moved meanwhile.
 */
@Component
class CompletedAnswers {

    private final CommandRepository commands;

    CompletedAnswers(CommandRepository commands) {
        this.commands = commands;
    }

    ResponseEntity<Object> of(AiJobCompleted answer, Optional<ReservationSettled> settlement) {
        StoredCommand command = commands.findById(answer.commandId()).orElseThrow(
                () -> new IllegalStateException("answer for unknown command " + answer.commandId()));
        Reservation reservation = command.reservation();
        long used;
        Long remaining;
        if (settlement.isPresent()) {
            used = settlement.get().charged();
            remaining = settlement.get().balanceAfter();
        } else {
            used = reservation == null ? answer.wordsUsed() : reservation.charge(answer.wordsUsed());
            remaining = reservation == null ? null : reservation.remainingAfter(used);
        }
        var body = new CommandAnswer(answer.commandId(), answer.response(),
                answer.commands().stream().map(ProposedCommandView::of).toList(), command.executionMode(),
                used, remaining, answer.provider(), answer.model(), command.conversationId());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }
}

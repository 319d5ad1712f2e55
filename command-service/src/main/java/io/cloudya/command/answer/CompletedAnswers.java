package io.cloudya.command.answer;

import io.cloudya.command.store.CommandRepository;
import io.cloudya.command.store.Reservation;
import io.cloudya.command.store.StoredCommand;
import io.cloudya.contracts.ai.AiJobCompleted;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Builds the 200 answer from the ai-worker's result and the stored reservation. The reservation was committed
 * before AiJobRequested left, so it is always on the row by the time the answer arrives; the answer does not wait
 * for the ledger's settlement (one hop less on the answer's path).
 */
@Component
class CompletedAnswers {

    private final CommandRepository commands;

    CompletedAnswers(CommandRepository commands) {
        this.commands = commands;
    }

    ResponseEntity<Object> of(AiJobCompleted answer) {
        StoredCommand command = commands.findById(answer.commandId()).orElseThrow(
                () -> new IllegalStateException("answer for unknown command " + answer.commandId()));
        Reservation reservation = command.reservation();
        long used = reservation == null ? answer.wordsUsed() : reservation.charge(answer.wordsUsed());
        Long remaining = reservation == null ? null : reservation.remainingAfter(used);
        var body = new CommandAnswer(answer.commandId(), answer.response(),
                answer.commands().stream().map(ProposedCommandView::of).toList(), command.executionMode(),
                used, remaining, answer.provider(), answer.model(), command.conversationId());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }
}

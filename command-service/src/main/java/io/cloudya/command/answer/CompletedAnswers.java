package io.cloudya.command.answer;

import io.cloudya.command.store.CommandRepository;
import io.cloudya.command.store.StoredCommand;
import io.cloudya.contracts.ai.AiJobCompleted;
import io.cloudya.contracts.token.HeldTokens;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Builds the 200 answer from the ai-worker's result and the ledger's hold it hands back, without waiting for the
 * settlement: {@code tokens_used} is what CommandCompleted asks the ledger to charge, and {@code tokens_remaining}
 * the balance once it is settled. That balance is exact unless something else moved the user's balance between
 * this command's hold and its settlement (docs/events.md, "The answer's token numbers").
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
        // the row's hold is the one the charge was recorded with; the answer's, for a row that had none
        HeldTokens held = command.reservation() != null ? command.reservation() : answer.reservation();
        long used = held == null ? answer.wordsUsed() : held.charge(answer.wordsUsed());
        Long remaining = held == null ? null : held.remainingAfter(used);
        var body = new CommandAnswer(answer.commandId(), answer.response(),
                answer.commands().stream().map(ProposedCommandView::of).toList(), command.executionMode(),
                used, remaining, answer.provider(), answer.model(), command.conversationId());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }
}

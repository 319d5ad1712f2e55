package io.cloudya.command.answer;

import io.cloudya.contracts.Event;
import io.cloudya.contracts.ai.AiJobCompleted;
import io.cloudya.contracts.ai.AiJobFailed;
import io.cloudya.contracts.token.TokensRejected;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What each saga outcome means for the request waiting on it: the AI's answer (200, with the token numbers of the
 * hold it hands back), a failure (502/503) or a rejection (402). A request this instance does not hold, or no
 * longer holds, is left alone.
 */
@Component
class AnswerEvents {

    private final PendingAnswers pending;
    private final CompletedAnswers completed;

    AnswerEvents(PendingAnswers pending, CompletedAnswers completed) {
        this.pending = pending;
        this.completed = completed;
    }

    /** The command an outcome answers, or null for an event no request waits on. */
    static UUID commandOf(Event event) {
        return switch (event) {
            case AiJobCompleted answer -> answer.commandId();
            case AiJobFailed failure -> failure.commandId();
            case TokensRejected rejected -> rejected.commandId();
            default -> null;
        };
    }

    void apply(Event event) {
        switch (event) {
            case AiJobCompleted answer -> pending.complete(answer.commandId(), "completed",
                    () -> completed.of(answer));
            case AiJobFailed failure -> pending.complete(failure.commandId(), "failed",
                    () -> AnswerResponses.failed(failure));
            case TokensRejected rejected -> pending.complete(rejected.commandId(), "rejected",
                    () -> AnswerResponses.insufficientTokens(rejected));
            default -> { }
        }
    }
}

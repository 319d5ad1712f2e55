package io.cloudya.command.answer;

import io.cloudya.command.config.CommandProperties;
import io.cloudya.contracts.Event;
import io.cloudya.contracts.ai.AiJobCompleted;
import io.cloudya.contracts.ai.AiJobFailed;
import io.cloudya.contracts.token.ReservationSettled;
import io.cloudya.contracts.token.TokensRejected;
import java.time.Duration;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What each saga outcome means for the request waiting on it: the AI's answer (a 200 once the ledger settled, up to
 * settlement-wait), the ledger's settlement, a failure (502/503) or a rejection (402). A request this instance does
 * not hold, or no longer holds, is left alone.
 */
@Component
class AnswerEvents {

    private final PendingAnswers pending;
    private final CompletedAnswers completed;
    private final Duration settlementWait;

    AnswerEvents(PendingAnswers pending, CompletedAnswers completed, CommandProperties properties) {
        this.pending = pending;
        this.completed = completed;
        this.settlementWait = properties.settlementWait();
    }

    /** The command an outcome answers, or null for an event no request waits on. */
    static UUID commandOf(Event event) {
        return switch (event) {
            case AiJobCompleted answer -> answer.commandId();
            case AiJobFailed failure -> failure.commandId();
            case ReservationSettled settlement -> settlement.commandId();
            case TokensRejected rejected -> rejected.commandId();
            default -> null;
        };
    }

    void apply(Event event) {
        switch (event) {
            case AiJobCompleted answer -> pending.answered(answer.commandId(), settlementWait,
                    settlement -> completed.of(answer, settlement));
            case ReservationSettled settlement -> pending.settled(settlement);
            case AiJobFailed failure -> pending.complete(failure.commandId(), "failed",
                    () -> AnswerResponses.failed(failure));
            case TokensRejected rejected -> pending.complete(rejected.commandId(), "rejected",
                    () -> AnswerResponses.insufficientTokens(rejected));
            default -> { }
        }
    }
}

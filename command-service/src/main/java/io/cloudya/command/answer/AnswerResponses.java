package io.cloudya.command.answer;

import io.cloudya.contracts.ai.AiJobCompleted;
import io.cloudya.contracts.ai.AiJobFailed;
import io.cloudya.contracts.command.ExecutionMode;
import io.cloudya.contracts.http.ApiError;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Turns the saga's outcomes into the HTTP answer the waiting client gets. */
public final class AnswerResponses {

    /** The ai-worker's code for "no provider could answer": a capacity problem (503), not a bad answer (502). */
    static final String NO_PROVIDER = "no_provider";

    private AnswerResponses() {
    }

    public static ResponseEntity<Object> completed(AiJobCompleted answer, ExecutionMode mode) {
        var body = new CommandAnswer(answer.commandId(), answer.response(),
                answer.commands().stream().map(ProposedCommandView::of).toList(),
                mode, answer.wordsUsed(), null, answer.provider(), answer.model());
        return ResponseEntity.ok(body);
    }

    public static ResponseEntity<Object> failed(AiJobFailed failure) {
        if (NO_PROVIDER.equals(failure.code())) {
            return error(HttpStatus.SERVICE_UNAVAILABLE, NO_PROVIDER, failure.message());
        }
        return error(HttpStatus.BAD_GATEWAY, "ai_failed", failure.message());
    }

    public static ResponseEntity<Object> timeout() {
        return error(HttpStatus.GATEWAY_TIMEOUT, "answer_timeout",
                "No answer arrived in time; the command was abandoned and nothing was charged. Try again.");
    }

    private static ResponseEntity<Object> error(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).body(new ApiError(status.value(), code, message));
    }
}

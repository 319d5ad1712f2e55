package io.cloudya.command.answer;

import io.cloudya.contracts.ai.AiJobFailed;
import io.cloudya.contracts.http.ApiError;
import io.cloudya.contracts.token.TokensRejected;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Turns the saga's unhappy outcomes into the HTTP answer the waiting client gets. */
public final class AnswerResponses {

    /** The ai-worker's code for "no provider could answer": a capacity problem (503), not a bad answer (502). */
    static final String NO_PROVIDER = "no_provider";
    /** The ai-worker's code for "the answer was not ready before the job's deadline": nothing is charged. */
    static final String DEADLINE_PASSED = "deadline_passed";

    private static final Logger log = LoggerFactory.getLogger(PendingAnswers.class);

    private AnswerResponses() {
    }

    public static ResponseEntity<Object> insufficientTokens(TokensRejected rejected) {
        var body = new InsufficientTokensError(HttpStatus.PAYMENT_REQUIRED.value(), "insufficient_tokens",
                "Not enough tokens: this request needs up to " + rejected.requested() + ", your balance is "
                        + rejected.available() + ". " + TopUpHint.BILLING.sentence(),
                rejected.available(), rejected.requested(), rejected.plan(), TopUpHint.BILLING);
        return ResponseEntity.status(HttpStatus.PAYMENT_REQUIRED).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    public static ResponseEntity<Object> failed(AiJobFailed failure) {
        if (NO_PROVIDER.equals(failure.code())) {
            return error(HttpStatus.SERVICE_UNAVAILABLE, NO_PROVIDER, failure.message());
        }
        if (DEADLINE_PASSED.equals(failure.code())) {
            return error(HttpStatus.GATEWAY_TIMEOUT, "answer_timeout",
                    "No answer arrived in time; the command was abandoned and nothing was charged. Try again.");
        }
        return error(HttpStatus.BAD_GATEWAY, "ai_failed", failure.message());
    }

    /** No verdict reached the request by the deadline and its grace: the command's history will have it. */
    static ResponseEntity<Object> verdictPending(UUID commandId) {
        return error(HttpStatus.GATEWAY_TIMEOUT, "answer_timeout", "No answer reached this request in time. GET"
                + " /api/commands/" + commandId + " shows its outcome once known: answered (and charged) if the"
                + " answer was ready before the deadline, otherwise abandoned and not charged.");
    }

    static ResponseEntity<Object> internalError() {
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "Something went wrong on our side.");
    }

    /** The answer {@code answer} builds, or 500 if building it fails: the waiting client gets an answer either way. */
    static ResponseEntity<Object> orInternalError(UUID commandId, Supplier<ResponseEntity<Object>> answer) {
        try {
            return answer.get();
        } catch (RuntimeException e) {
            log.error("could not build the answer of command {}", commandId, e);
            return internalError();
        }
    }

    private static ResponseEntity<Object> error(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(new ApiError(status.value(), code, message));
    }
}

package io.cloudya.contracts.command;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cloudya.contracts.Event;
import io.cloudya.contracts.token.HeldTokens;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The ai-worker is asked to answer one command, before {@code deadline}. {@code history} is the
 * chat conversation before {@code userInput}, oldest first, already trimmed to the model's budget; it is null
 * (and absent on the wire) for a one-off {@code /api/command}. {@code stream} says whether the client reads the
 * answer as it is generated (SSE): only then are its pieces sent as AiAnswerChunk. A plain JSON request would pay
 * one Kafka record per piece (a token, with a hosted model) that nobody reads. Absent (a producer older than the
 * field) means stream, as before. token-service sends it once the tokens are held, with the hold in
 * {@code reservation}; the ai-worker hands the hold back with its answer. An older producer (command-service) left
 * it out.
 */
public record AiJobRequested(
        UUID commandId, String userId, String plan, String userInput, ExecutionMode executionMode,
        int maxWords, Instant deadline, @JsonInclude(JsonInclude.Include.NON_NULL) List<ChatTurn> history,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean stream,
        @JsonInclude(JsonInclude.Include.NON_NULL) HeldTokens reservation)
        implements Event {

    public AiJobRequested {
        history = history == null ? null : List.copyOf(history);
    }

    /** A one-off command without conversation context (the shape before chat existed). */
    public AiJobRequested(UUID commandId, String userId, String plan, String userInput, ExecutionMode executionMode,
                          int maxWords, Instant deadline) {
        this(commandId, userId, plan, userInput, executionMode, maxWords, deadline, null, false, null);
    }

    /** A job without a hold (the shape before token-service sent jobs). */
    public AiJobRequested(UUID commandId, String userId, String plan, String userInput, ExecutionMode executionMode,
                          int maxWords, Instant deadline, List<ChatTurn> history, Boolean stream) {
        this(commandId, userId, plan, userInput, executionMode, maxWords, deadline, history, stream, null);
    }

    /**
     * The job of {@code request} once {@code held} is set aside: at most the held amount of words, before
     * {@code deadline}.
     */
    public static AiJobRequested of(CommandRequested request, HeldTokens held, Instant deadline) {
        int maxWords = (int) Math.min(held.amount(), Integer.MAX_VALUE);
        return new AiJobRequested(request.commandId(), request.userId(), request.plan(), request.userInput(),
                request.executionMode(), maxWords, deadline, request.history(), request.stream(), held);
    }

    /** True unless the producer said the client does not stream (see {@code stream}). */
    public boolean streamsChunks() {
        return !Boolean.FALSE.equals(stream);
    }
}

package io.cloudya.contracts.command;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cloudya.contracts.Event;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * command-service asks the ai-worker to answer one command, before {@code deadline}. {@code history} is the
 * chat conversation before {@code userInput}, oldest first, already trimmed to the model's budget; it is null
 * (and absent on the wire) for a one-off {@code /api/command}. {@code stream} says whether the client reads the
 * answer as it is generated (SSE): only then are its pieces sent as AiAnswerChunk. A plain JSON request would pay
 * one Kafka record per piece (a token, with a hosted model) that nobody reads. Absent (a producer older than the
 * field) means stream, as before.
 */
public record AiJobRequested(
        UUID commandId, String userId, String plan, String userInput, ExecutionMode executionMode,
        int maxWords, Instant deadline, @JsonInclude(JsonInclude.Include.NON_NULL) List<ChatTurn> history,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean stream)
        implements Event {

    public AiJobRequested {
        history = history == null ? null : List.copyOf(history);
    }

    /** A one-off command without conversation context (the shape before chat existed). */
    public AiJobRequested(UUID commandId, String userId, String plan, String userInput, ExecutionMode executionMode,
                          int maxWords, Instant deadline) {
        this(commandId, userId, plan, userInput, executionMode, maxWords, deadline, null, false);
    }

    /** True unless the producer said the client does not stream (see {@code stream}). */
    public boolean streamsChunks() {
        return !Boolean.FALSE.equals(stream);
    }
}

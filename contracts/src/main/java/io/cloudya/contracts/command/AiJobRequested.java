package io.cloudya.contracts.command;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cloudya.contracts.Event;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * command-service asks the ai-worker to answer one command, before {@code deadline}. {@code history} is the
 * chat conversation before {@code userInput}, oldest first, already trimmed to the model's budget; it is null
 * (and absent on the wire) for a one-off {@code /api/command}.
 */
public record AiJobRequested(
        UUID commandId, String userId, String plan, String userInput, ExecutionMode executionMode,
        int maxWords, Instant deadline, @JsonInclude(JsonInclude.Include.NON_NULL) List<ChatTurn> history)
        implements Event {

    public AiJobRequested {
        history = history == null ? null : List.copyOf(history);
    }

    /** A one-off command without conversation context (the shape before chat existed). */
    public AiJobRequested(UUID commandId, String userId, String plan, String userInput, ExecutionMode executionMode,
                          int maxWords, Instant deadline) {
        this(commandId, userId, plan, userInput, executionMode, maxWords, deadline, null);
    }
}

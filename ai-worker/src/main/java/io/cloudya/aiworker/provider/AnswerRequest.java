package io.cloudya.aiworker.provider;

import io.cloudya.contracts.command.ChatTurn;
import io.cloudya.contracts.command.ExecutionMode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a provider is asked: the user's words, how they want the answer, by when it must be finished, and the
 * chat turns before it (oldest first, already trimmed by command-service; empty for a one-off command).
 */
public record AnswerRequest(String userInput, ExecutionMode executionMode, Instant deadline, List<ChatTurn> history) {

    public AnswerRequest {
        Objects.requireNonNull(userInput, "userInput");
        executionMode = executionMode == null ? ExecutionMode.SUGGEST : executionMode;
        deadline = deadline == null ? Instant.MAX : deadline;
        history = history == null ? List.of() : List.copyOf(history);
    }

    public AnswerRequest(String userInput, ExecutionMode executionMode, Instant deadline) {
        this(userInput, executionMode, deadline, List.of());
    }

    public AnswerRequest(String userInput, ExecutionMode executionMode) {
        this(userInput, executionMode, Instant.MAX);
    }
}

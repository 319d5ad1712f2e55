package io.cloudya.aiworker.provider;

import io.cloudya.contracts.command.ExecutionMode;
import java.time.Instant;
import java.util.Objects;

/** What a provider is asked: the user's words, how they want the answer, and by when it must be finished. */
public record AnswerRequest(String userInput, ExecutionMode executionMode, Instant deadline) {

    public AnswerRequest {
        Objects.requireNonNull(userInput, "userInput");
        executionMode = executionMode == null ? ExecutionMode.SUGGEST : executionMode;
        deadline = deadline == null ? Instant.MAX : deadline;
    }

    public AnswerRequest(String userInput, ExecutionMode executionMode) {
        this(userInput, executionMode, Instant.MAX);
    }
}

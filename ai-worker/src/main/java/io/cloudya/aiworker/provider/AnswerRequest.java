package io.cloudya.aiworker.provider;

import io.cloudya.contracts.command.ExecutionMode;

/** What a provider is asked: the user's words and how they want the answer. */
public record AnswerRequest(String userInput, ExecutionMode executionMode) {
}

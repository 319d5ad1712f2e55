package io.cloudya.contracts.command;

import io.cloudya.contracts.Event;
import java.time.Instant;
import java.util.UUID;

/** command-service asks the ai-worker to answer one command, before {@code deadline}. */
public record AiJobRequested(
        UUID commandId, String userId, String plan, String userInput, ExecutionMode executionMode,
        int maxWords, Instant deadline) implements Event {
}

package io.cloudya.command.store;

import io.cloudya.contracts.command.ExecutionMode;
import java.time.Instant;
import java.util.UUID;

/**
 * The fields of a command row at the moment it is accepted; {@code conversationId} is null outside chat,
 * {@code streamed} says whether the client reads the answer as a stream.
 */
public record NewCommand(
        UUID id, String userId, String plan, String userInput, ExecutionMode executionMode, Instant createdAt,
        String traceId, UUID conversationId, boolean streamed) {
}

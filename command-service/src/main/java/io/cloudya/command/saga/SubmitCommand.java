package io.cloudya.command.saga;

import io.cloudya.contracts.command.ExecutionMode;
import java.time.Instant;
import java.util.UUID;

/**
 * Accept one command: store it and start the saga. {@code traceId} is the gateway's X-Request-Id;
 * {@code conversationId} is set for a chat message ({@code opensConversation} for the first one); {@code streamed}
 * when the client reads the answer as a stream.
 */
public record SubmitCommand(
        UUID commandId, String userId, String plan, String userInput, ExecutionMode executionMode,
        int maxWords, Instant acceptedAt, String traceId, UUID conversationId, boolean opensConversation,
        boolean streamed) {
}

package io.cloudya.command.store;

import io.cloudya.contracts.ai.ProposedCommand;
import io.cloudya.contracts.command.ExecutionMode;
import io.cloudya.contracts.token.HeldTokens;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One command row as read back, result columns included (null while pending). {@code reservation} is the ledger's
 * hold, known once the answer (which hands it back) is recorded; {@code wordsUsed} is what was charged (at most the
 * hold); {@code streamed} is null for rows older than that column.
 */
public record StoredCommand(
        UUID id, String userId, String plan, String userInput, ExecutionMode executionMode, CommandStatus status,
        Instant createdAt, Instant completedAt, String response, List<ProposedCommand> commands,
        String provider, String model, Integer wordsUsed, String failureCode, String failureMessage,
        HeldTokens reservation, String traceId, UUID conversationId, Boolean streamed) {
}

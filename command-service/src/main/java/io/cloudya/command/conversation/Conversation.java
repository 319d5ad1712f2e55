package io.cloudya.command.conversation;

import java.time.Instant;
import java.util.UUID;

/** One chat thread of one user; {@code title} is the start of its first message. */
public record Conversation(UUID id, String userId, String title, Instant createdAt, Instant updatedAt) {
}

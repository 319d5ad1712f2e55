package io.cloudya.command.conversation;

import java.time.Instant;
import java.util.UUID;

/** One message of a conversation: the user's question or the assistant's answer to command {@code commandId}. */
public record StoredChatMessage(String role, String content, UUID commandId, Instant createdAt) {
}

package io.cloudya.command.chat;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.cloudya.command.conversation.StoredChatMessage;
import java.time.Instant;
import java.util.UUID;

/** One message as the CLI reads it; {@code command_id} links to {@code GET /api/commands/{id}} for details. */
public record ChatMessageView(
        String role, String content, @JsonProperty("command_id") UUID commandId,
        @JsonProperty("created_at") Instant createdAt) {

    static ChatMessageView of(StoredChatMessage message) {
        return new ChatMessageView(message.role(), message.content(), message.commandId(), message.createdAt());
    }
}

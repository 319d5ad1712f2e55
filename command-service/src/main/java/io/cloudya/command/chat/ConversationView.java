package io.cloudya.command.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.cloudya.command.conversation.Conversation;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A conversation: in the listing without messages, in {@code GET /api/chat/{id}} with them, oldest first. */
public record ConversationView(
        @JsonProperty("conversation_id") UUID conversationId,
        String title,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<ChatMessageView> messages) {

    static ConversationView of(Conversation conversation, List<ChatMessageView> messages) {
        return new ConversationView(conversation.id(), conversation.title(), conversation.createdAt(),
                conversation.updatedAt(), messages);
    }
}

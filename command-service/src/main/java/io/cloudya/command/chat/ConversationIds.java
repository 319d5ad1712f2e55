package io.cloudya.command.chat;

import io.cloudya.command.web.ApiException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** Conversation ids from the client: a malformed one is as unknown as another user's (404, nothing revealed). */
final class ConversationIds {

    private ConversationIds() {
    }

    static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static ApiException notFound(String id) {
        return new ApiException(HttpStatus.NOT_FOUND, "conversation_not_found",
                "No conversation " + id + " among your conversations.");
    }
}

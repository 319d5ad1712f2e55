package io.cloudya.command.saga;

import java.util.UUID;

/** Where a chat message belongs: an existing conversation, or a new one ({@code opens}) with this id. */
public record ChatContext(UUID conversationId, boolean opens) {
}

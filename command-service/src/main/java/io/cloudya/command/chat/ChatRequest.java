package io.cloudya.command.chat;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code POST /api/chat}: no {@code conversation_id} starts a new conversation; the mode is optional as in /api/command. */
public record ChatRequest(
        @JsonProperty("conversation_id") String conversationId,
        String message,
        @JsonProperty("execution_mode") String executionMode) {
}

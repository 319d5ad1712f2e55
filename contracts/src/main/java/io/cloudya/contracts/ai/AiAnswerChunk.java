package io.cloudya.contracts.ai;

import io.cloudya.contracts.Event;
import java.util.UUID;

/**
 * A piece of an answer as the model generates it, for streaming (SSE) to the waiting client. Ephemeral: sent
 * on a plain Kafka topic, not through the outbox; the final AiJobCompleted remains the record of the answer.
 */
public record AiAnswerChunk(UUID commandId, String userId, int sequence, String text) implements Event {
}

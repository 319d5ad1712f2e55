package io.cloudya.outbox;

import java.util.UUID;

/** One committed outbox row as it travels on Kafka: key = user id, value = envelope JSON, id and type headers. */
public record OutboxMessage(String topic, String key, UUID eventId, String eventType, String json) {
}

package io.cloudya.outbox;

import java.util.UUID;

/**
 * One committed outbox row as it travels on Kafka: key = user id, value = envelope JSON, id and type headers, and
 * the writer's W3C {@code traceparent} header when it was written inside a trace (else null).
 */
public record OutboxMessage(String topic, String key, UUID eventId, String eventType, String json,
                            String traceparent) {

    /** The W3C header (and outbox column) name, as Spring Kafka's listener observation reads it. */
    public static final String TRACEPARENT = "traceparent";
}

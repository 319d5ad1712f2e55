package io.cloudya.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The one envelope every event travels in. {@code id} is the idempotency key consumers deduplicate on;
 * {@code key} is the user id, so that one user's events stay in order on one partition.
 */
public record EventEnvelope<T extends Event>(
        UUID id, String type, int version, Instant occurredAt, String key, String traceId, T payload) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(payload, "payload");
        if (!type.equals(payload.getClass().getSimpleName())) {
            throw new IllegalArgumentException("type " + type + " does not match payload " + payload.getClass());
        }
    }

    /** A new event about {@code key} (the user id), stamped now with a fresh id. */
    public static <T extends Event> EventEnvelope<T> of(String key, String traceId, T payload) {
        return new EventEnvelope<>(UUID.randomUUID(), payload.getClass().getSimpleName(), 1,
                Instant.now(), key, traceId, payload);
    }
}

package io.cloudya.auth.apikey;

import java.time.Instant;
import java.util.UUID;

/** A key as listed: its recognisable prefix, never the secret. */
public record ApiKeyView(UUID id, String name, String prefix, Instant createdAt, Instant lastUsedAt) {
}

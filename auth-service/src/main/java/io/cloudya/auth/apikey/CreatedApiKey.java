package io.cloudya.auth.apikey;

import java.time.Instant;
import java.util.UUID;

/** The one answer that carries the full key: it is shown once and only its hash is kept. */
public record CreatedApiKey(UUID id, String name, String key, String prefix, Instant createdAt) {
}

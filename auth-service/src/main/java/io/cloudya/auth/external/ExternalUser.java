package io.cloudya.auth.external;

import java.util.UUID;

/** The Cloudya account behind an external identity. */
public record ExternalUser(UUID userId, boolean created) {
}

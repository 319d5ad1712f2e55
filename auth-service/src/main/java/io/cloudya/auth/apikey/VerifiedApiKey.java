package io.cloudya.auth.apikey;

import java.util.UUID;

/** Who a valid key belongs to and the plan in force now. */
public record VerifiedApiKey(UUID userId, String plan) {
}

package io.cloudya.contracts.token;

import io.cloudya.contracts.Event;
import java.time.Instant;
import java.util.UUID;

/**
 * token-service set {@code amount} tokens aside for a command. {@code availableAfter} is the user's spendable
 * balance once this reservation is held; the reservation is released by itself at {@code expiresAt}.
 */
public record TokensReserved(
        UUID commandId, String userId, UUID reservationId, long amount, long availableAfter, Instant expiresAt)
        implements Event {
}

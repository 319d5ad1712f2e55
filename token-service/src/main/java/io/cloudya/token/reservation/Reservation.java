package io.cloudya.token.reservation;

import io.cloudya.token.ledger.Hold;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** One command's hold on a user's tokens; {@code hold} says which buckets the tokens were taken from. */
public record Reservation(UUID reservationId, UUID commandId, String userId, long requested, Hold hold,
                          Instant periodStart, ReservationStatus status, Instant expiresAt, Instant createdAt) {

    /**
     * The reservation id is derived from the command id, so a replayed CommandRequested (even under a new event
     * id) lands on the same primary key, and command-service could compute it too.
     */
    public static UUID idFor(UUID commandId) {
        return UUID.nameUUIDFromBytes(("reservation:" + commandId).getBytes(StandardCharsets.UTF_8));
    }

    public long amount() {
        return hold.total();
    }
}

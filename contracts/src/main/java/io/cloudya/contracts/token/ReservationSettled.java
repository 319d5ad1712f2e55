package io.cloudya.contracts.token;

import io.cloudya.contracts.Event;
import java.util.UUID;

/** A reservation was charged {@code charged} tokens and the rest released; {@code balanceAfter} is spendable now. */
public record ReservationSettled(
        UUID commandId, String userId, UUID reservationId, long charged, long released, long balanceAfter)
        implements Event {
}

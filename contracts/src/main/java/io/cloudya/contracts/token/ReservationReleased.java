package io.cloudya.contracts.token;

import io.cloudya.contracts.Event;
import java.util.UUID;

/**
 * A reservation was released without a charge. {@code reason}: {@code command_failed} or {@code expired}
 * (no result before the reservation's deadline).
 */
public record ReservationReleased(
        UUID commandId, String userId, UUID reservationId, long released, String reason, long balanceAfter)
        implements Event {
}

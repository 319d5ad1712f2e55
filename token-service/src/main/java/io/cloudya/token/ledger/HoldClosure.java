package io.cloudya.token.ledger;

import java.util.UUID;

/**
 * How a reservation's hold ends, written with the ledger entry that resolves it: the reservation's new status
 * (SETTLED, RELEASED or EXPIRED), what was charged and what went back to the buckets.
 */
public record HoldClosure(UUID reservationId, String status, long charged, long released) {
}

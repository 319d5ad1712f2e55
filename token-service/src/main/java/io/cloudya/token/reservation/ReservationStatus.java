package io.cloudya.token.reservation;

/** A reservation resolves once: PENDING becomes SETTLED, RELEASED or EXPIRED; REJECTED never held anything. */
public enum ReservationStatus {
    PENDING, SETTLED, RELEASED, EXPIRED, REJECTED
}

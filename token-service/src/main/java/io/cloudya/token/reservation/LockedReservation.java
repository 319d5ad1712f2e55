package io.cloudya.token.reservation;

import io.cloudya.token.account.TokenAccount;

/** A reservation and its account, both row-locked by the current transaction. */
public record LockedReservation(Reservation reservation, TokenAccount account) {
}

package io.cloudya.token.ledger;

/** The outcome of resolving a hold: charged, released back to the buckets, expired with a finished period. */
public record Resolution(Balance after, long charged, long released, long expired) {
}

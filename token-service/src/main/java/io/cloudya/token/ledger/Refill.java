package io.cloudya.token.ledger;

/** The three steps of a refill (expire, roll over, grant), each a balance the ledger records as one entry. */
public record Refill(Balance afterExpiry, Balance afterRollover, Balance afterGrant,
                     long carried, long expired, long granted) {
}

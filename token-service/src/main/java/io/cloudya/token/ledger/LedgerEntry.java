package io.cloudya.token.ledger;

import java.time.Instant;
import java.util.UUID;

/** One stored ledger entry: what happened, by how much, and its exact effect on each bucket and counter. */
public record LedgerEntry(long id, String userId, EntryCode code, long amount, long dRolledOver, long dAllowance,
                          long dPurchased, long dReserved, long credit, long debit, long availableAfter, String ref,
                          UUID eventId, Instant createdAt) {
}

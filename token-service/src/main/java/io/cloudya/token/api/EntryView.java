package io.cloudya.token.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.cloudya.token.ledger.LedgerEntry;
import java.time.Instant;
import java.util.Locale;

/** One ledger entry as the user sees it: what happened, the change per bucket, the balance after. */
public record EntryView(
        long id,
        String code,
        long amount,
        @JsonProperty("rolled_over") long rolledOver,
        long allowance,
        long purchased,
        long reserved,
        @JsonProperty("available_after") long availableAfter,
        String ref,
        @JsonProperty("created_at") Instant createdAt) {

    static EntryView of(LedgerEntry e) {
        return new EntryView(e.id(), e.code().name().toLowerCase(Locale.ROOT), e.amount(), e.dRolledOver(),
                e.dAllowance(), e.dPurchased(), e.dReserved(), e.availableAfter(), e.ref(), e.createdAt());
    }
}

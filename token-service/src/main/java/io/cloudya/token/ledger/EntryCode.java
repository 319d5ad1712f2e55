package io.cloudya.token.ledger;

/** What a ledger entry records. Entries are never changed; {@link #CORRECTION} fixes a mistake by adding one. */
public enum EntryCode {
    GRANT,
    ROLLOVER,
    EXPIRE,
    PURCHASE,
    REFUND,
    RESERVE,
    SETTLE,
    RELEASE,
    CORRECTION
}

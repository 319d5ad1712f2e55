package io.cloudya.token.ledger;

import java.time.Instant;
import java.util.List;

/** The audit's answer: how much was checked, how many accounts disagree with their entries, the first few. */
public record AuditReport(Instant checkedAt, long accounts, long entries, int anomalies, List<Anomaly> listed) {

    static final int MAX_LISTED = 100;

    /** One account whose {@code columns} differ from the sums of its entries (or its pending reservations). */
    public record Anomaly(String userId, String columns) {
    }
}

package io.cloudya.token.ledger;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Re-derives every account from its entries and compares: each bucket and counter must equal the sum of its
 * entries' deltas, and {@code reserved} must equal the account's pending reservations. Runs in one REPEATABLE READ
 * snapshot, so it is consistent while the ledger keeps moving. The last anomaly count is a gauge.
 */
@Component
public class LedgerAudit {

    private static final String MISMATCHES = """
            WITH sums AS (
                SELECT user_id, sum(d_rolled_over) r, sum(d_allowance) a, sum(d_purchased) p, sum(d_reserved) res,
                       sum(credit) c, sum(debit) d
                FROM ledger_entry GROUP BY user_id),
            pending AS (
                SELECT user_id, sum(amount) held FROM reservation WHERE status = 'PENDING' GROUP BY user_id)
            SELECT t.user_id,
                   concat_ws(',',
                       CASE WHEN coalesce(s.r, 0) <> t.rolled_over THEN 'rolled_over' END,
                       CASE WHEN coalesce(s.a, 0) <> t.allowance THEN 'allowance' END,
                       CASE WHEN coalesce(s.p, 0) <> t.purchased THEN 'purchased' END,
                       CASE WHEN coalesce(s.res, 0) <> t.reserved THEN 'reserved' END,
                       CASE WHEN coalesce(s.c, 0) <> t.credits_posted THEN 'credits_posted' END,
                       CASE WHEN coalesce(s.d, 0) <> t.debits_posted THEN 'debits_posted' END,
                       CASE WHEN coalesce(h.held, 0) <> t.reserved THEN 'pending_reservations' END) AS columns
            FROM token_account t
            LEFT JOIN sums s ON s.user_id = t.user_id
            LEFT JOIN pending h ON h.user_id = t.user_id
            WHERE coalesce(s.r, 0) <> t.rolled_over OR coalesce(s.a, 0) <> t.allowance
               OR coalesce(s.p, 0) <> t.purchased OR coalesce(s.res, 0) <> t.reserved
               OR coalesce(s.c, 0) <> t.credits_posted OR coalesce(s.d, 0) <> t.debits_posted
               OR coalesce(h.held, 0) <> t.reserved
            ORDER BY t.user_id
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AtomicLong lastAnomalies = new AtomicLong();

    public LedgerAudit(JdbcClient jdbc, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        meters.gauge("tokens.ledger.audit.anomalies", lastAnomalies);
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public AuditReport run() {
        List<AuditReport.Anomaly> anomalies = jdbc.sql(MISMATCHES)
                .query((rs, row) -> new AuditReport.Anomaly(rs.getString("user_id"), rs.getString("columns")))
                .list();
        long accounts = jdbc.sql("SELECT count(*) FROM token_account").query(Long.class).single();
        long entries = jdbc.sql("SELECT count(*) FROM ledger_entry").query(Long.class).single();
        lastAnomalies.set(anomalies.size());
        return new AuditReport(clock.instant(), accounts, entries, anomalies.size(),
                anomalies.subList(0, Math.min(anomalies.size(), AuditReport.MAX_LISTED)));
    }
}

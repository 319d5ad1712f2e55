package io.cloudya.billing.subscription;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Subscription rows; every change happens under the row lock taken by {@link #lock}. */
@Repository
public class SubscriptionRepository {

    private static final String COLUMNS = """
            id, user_id, plan, status, current_period_start, current_period_end, cancel_at_period_end, state_at,
            paid_period_start, payment_state_at, past_due_since, started_at, ended_at""";

    private final JdbcClient jdbc;

    public SubscriptionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the row on first sight and locks it, so concurrent events about one subscription run in turn. */
    public SubscriptionRow lock(String id, String userId) {
        jdbc.sql("INSERT INTO subscription (id, user_id, status) VALUES (?, ?, 'incomplete') ON CONFLICT DO NOTHING")
                .params(id, userId).update();
        return jdbc.sql("SELECT " + COLUMNS + " FROM subscription WHERE id = ? FOR UPDATE")
                .param(id).query(SubscriptionRepository::map).single();
    }

    public Optional<SubscriptionRow> currentOf(String userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM subscription WHERE user_id = ? AND started_at IS NOT NULL"
                        + " ORDER BY ended_at IS NULL DESC, started_at DESC LIMIT 1")
                .param(userId).query(SubscriptionRepository::map).optional();
    }

    /** Started, not ended, past due since before {@code cutoff}; rows another instance holds are skipped. */
    public List<SubscriptionRow> lockOverdue(Instant cutoff, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM subscription WHERE ended_at IS NULL AND started_at IS NOT NULL"
                        + " AND past_due_since < ? ORDER BY past_due_since LIMIT ? FOR UPDATE SKIP LOCKED")
                .params(Timestamp.from(cutoff), limit).query(SubscriptionRepository::map).list();
    }

    public void applyObjectState(String id, SubscriptionState state, long stateAt) {
        jdbc.sql("""
                UPDATE subscription SET plan = COALESCE(?, plan), status = ?, current_period_start = ?,
                    current_period_end = ?, cancel_at_period_end = ?, state_at = ?, updated_at = now() WHERE id = ?""")
                .params(state.plan() == null ? null : state.plan().wireName(), state.status(),
                        ts(state.periodStart()), ts(state.periodEnd()), state.cancelAtPeriodEnd(), stateAt, id)
                .update();
    }

    public void setPlanIfUnknown(String id, Plan plan) {
        jdbc.sql("UPDATE subscription SET plan = ? WHERE id = ? AND plan IS NULL").params(plan.wireName(), id).update();
    }

    public void paymentState(String id, Instant pastDueSince, long paymentStateAt) {
        jdbc.sql("UPDATE subscription SET past_due_since = ?, payment_state_at = ?, updated_at = now() WHERE id = ?")
                .params(ts(pastDueSince), paymentStateAt, id).update();
    }

    public void markPaidPeriod(String id, Plan plan, Instant periodStart, Instant periodEnd, Instant now) {
        jdbc.sql("""
                UPDATE subscription SET paid_period_start = ?, started_at = COALESCE(started_at, ?),
                    plan = COALESCE(plan, ?),
                    current_period_start = CASE WHEN state_at = 0 THEN ? ELSE current_period_start END,
                    current_period_end = CASE WHEN state_at = 0 THEN ? ELSE current_period_end END,
                    status = CASE WHEN state_at = 0 THEN 'active' ELSE status END, updated_at = now() WHERE id = ?""")
                .params(ts(periodStart), ts(now), plan.wireName(), ts(periodStart), ts(periodEnd), id).update();
    }

    public void markEnded(String id, String reason, Instant endedAt) {
        jdbc.sql("UPDATE subscription SET ended_at = ?, ended_reason = ?, past_due_since = NULL, updated_at = now()"
                + " WHERE id = ?").params(ts(endedAt), reason, id).update();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static SubscriptionRow map(ResultSet rs, int row) throws SQLException {
        return new SubscriptionRow(rs.getString("id"), rs.getString("user_id"),
                Optional.ofNullable(rs.getString("plan")).flatMap(Plan::byWireName).orElse(null),
                rs.getString("status"), instant(rs, "current_period_start"), instant(rs, "current_period_end"),
                rs.getBoolean("cancel_at_period_end"), rs.getLong("state_at"), instant(rs, "paid_period_start"),
                rs.getLong("payment_state_at"), instant(rs, "past_due_since"), instant(rs, "started_at"),
                instant(rs, "ended_at"));
    }
}

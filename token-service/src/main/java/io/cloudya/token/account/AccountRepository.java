package io.cloudya.token.account;

import io.cloudya.token.ledger.Balance;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** token_account rows. Balances change only through the ledger; this class writes plan, period and new rows. */
@Repository
public class AccountRepository {

    private static final String COLUMNS = "user_id, plan, pending_plan, period_start, period_end, rolled_over, "
            + "allowance, purchased, reserved, credits_posted, debits_posted, opened_at";

    private final JdbcClient jdbc;

    public AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<TokenAccount> find(String userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM token_account WHERE user_id = :u")
                .param("u", userId).query(AccountRepository::map).optional();
    }

    /** Locks the row until the transaction ends: every balance change of one account is serialised here. */
    public Optional<TokenAccount> lock(String userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM token_account WHERE user_id = :u FOR UPDATE")
                .param("u", userId).query(AccountRepository::map).optional();
    }

    /** Inserts an empty account; false when it already exists (a concurrent opener won). */
    public boolean insertEmpty(String userId, String plan, Instant periodStart, Instant periodEnd, Instant at) {
        return jdbc.sql("""
                INSERT INTO token_account (user_id, plan, period_start, period_end, rolled_over, allowance, purchased,
                    reserved, credits_posted, debits_posted, opened_at, updated_at)
                VALUES (:u, :plan, :start, :end, 0, 0, 0, 0, 0, 0, :at, :at)
                ON CONFLICT (user_id) DO NOTHING
                """)
                .param("u", userId).param("plan", plan).param("start", Timestamp.from(periodStart))
                .param("end", Timestamp.from(periodEnd)).param("at", Timestamp.from(at))
                .update() == 1;
    }

    public void updatePlan(String userId, String plan, String pendingPlan, Instant periodStart, Instant periodEnd) {
        jdbc.sql("""
                UPDATE token_account SET plan = :plan, pending_plan = :pending, period_start = :start,
                    period_end = :end WHERE user_id = :u
                """)
                .param("plan", plan).param("pending", pendingPlan).param("start", Timestamp.from(periodStart))
                .param("end", Timestamp.from(periodEnd)).param("u", userId)
                .update();
    }

    public void updatePendingPlan(String userId, String pendingPlan) {
        jdbc.sql("UPDATE token_account SET pending_plan = :pending WHERE user_id = :u")
                .param("pending", pendingPlan).param("u", userId).update();
    }

    /**
     * Accounts whose period has ended and whose next period is Free (Free, or canceled back to Free), locked for
     * this transaction; rows other instances hold are skipped. Paid periods wait for billing's renewal.
     */
    public List<TokenAccount> lockDueFreeRefills(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM token_account WHERE period_end <= :now "
                        + "AND coalesce(pending_plan, plan) = 'free' "
                        + "ORDER BY period_end LIMIT :limit FOR UPDATE SKIP LOCKED")
                .param("now", Timestamp.from(now)).param("limit", limit)
                .query(AccountRepository::map).list();
    }

    /** The account's columns as {@code alias.column AS prefix_column}, for a query that joins another table. */
    public static String columnsAs(String alias, String prefix) {
        return Arrays.stream(COLUMNS.split(", "))
                .map(column -> alias + "." + column + " AS " + prefix + column)
                .collect(Collectors.joining(", "));
    }

    static TokenAccount map(ResultSet rs, int row) throws SQLException {
        return map(rs, "");
    }

    /** Maps a row whose account columns carry {@code prefix} (see {@link #columnsAs}). */
    public static TokenAccount map(ResultSet rs, String prefix) throws SQLException {
        Balance balance = new Balance(rs.getLong(prefix + "rolled_over"), rs.getLong(prefix + "allowance"),
                rs.getLong(prefix + "purchased"), rs.getLong(prefix + "reserved"),
                rs.getLong(prefix + "credits_posted"), rs.getLong(prefix + "debits_posted"));
        return new TokenAccount(rs.getString(prefix + "user_id"), rs.getString(prefix + "plan"),
                rs.getString(prefix + "pending_plan"), rs.getTimestamp(prefix + "period_start").toInstant(),
                rs.getTimestamp(prefix + "period_end").toInstant(), balance,
                rs.getTimestamp(prefix + "opened_at").toInstant());
    }
}

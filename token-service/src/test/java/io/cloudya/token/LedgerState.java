package io.cloudya.token;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads one user's ledger the way the tests compare it: balances, and entries without ids or references. */
public record LedgerState(JdbcClient jdbc) {

    public record Buckets(long rolledOver, long allowance, long purchased, long reserved, long credits,
                          long debits) {
        public long available() {
            return rolledOver + allowance + purchased;
        }
    }

    public Buckets buckets(String user) {
        return jdbc.sql("SELECT rolled_over, allowance, purchased, reserved, credits_posted, debits_posted "
                        + "FROM token_account WHERE user_id = :u")
                .param("u", user)
                .query((rs, n) -> new Buckets(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6)))
                .optional().orElse(null);
    }

    /** Each entry as "code amount deltas", sorted, so two ledgers built in different orders compare equal. */
    public List<String> entryShapes(String user) {
        return jdbc.sql("SELECT code || ' ' || amount || ' ' || d_rolled_over || '/' || d_allowance || '/' "
                        + "|| d_purchased || '/' || d_reserved FROM ledger_entry WHERE user_id = :u ORDER BY 1")
                .param("u", user).query(String.class).list();
    }

    public long entries(String user) {
        return jdbc.sql("SELECT count(*) FROM ledger_entry WHERE user_id = :u").param("u", user)
                .query(Long.class).single();
    }

    public java.time.Instant reservationExpiresAt(java.util.UUID commandId) {
        return jdbc.sql("SELECT expires_at FROM reservation WHERE command_id = :c").param("c", commandId)
                .query(java.sql.Timestamp.class).single().toInstant();
    }

    public String reservationStatus(java.util.UUID commandId) {
        return jdbc.sql("SELECT status FROM reservation WHERE command_id = :c").param("c", commandId)
                .query(String.class).optional().orElse(null);
    }
}

package io.cloudya.token.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads of the append-only ledger (the only writer is {@link Ledger}). */
@Repository
public class LedgerEntries {

    private static final String COLUMNS = "id, user_id, code, amount, d_rolled_over, d_allowance, d_purchased, "
            + "d_reserved, credit, debit, available_after, ref, event_id, created_at";

    private final JdbcClient jdbc;

    public LedgerEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest first. */
    public List<LedgerEntry> page(String userId, int page, int size) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ledger_entry WHERE user_id = :u ORDER BY id DESC "
                        + "LIMIT :size OFFSET :offset")
                .param("u", userId).param("size", size).param("offset", (long) page * size)
                .query(LedgerEntries::map).list();
    }

    public long count(String userId) {
        return jdbc.sql("SELECT count(*) FROM ledger_entry WHERE user_id = :u").param("u", userId)
                .query(Long.class).single();
    }

    /** The entry with this code and business reference (a purchase id), whoever's it is. */
    public Optional<LedgerEntry> findByRef(EntryCode code, String ref) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ledger_entry WHERE code = :code AND ref = :ref LIMIT 1")
                .param("code", code.name()).param("ref", ref).query(LedgerEntries::map).optional();
    }

    /** Whether this account already has a grant for this period reference. */
    public boolean hasGrant(String userId, String ref) {
        return jdbc.sql("SELECT count(*) FROM ledger_entry WHERE user_id = :u AND code = 'GRANT' AND ref = :ref")
                .param("u", userId).param("ref", ref).query(Long.class).single() > 0;
    }

    static LedgerEntry map(ResultSet rs, int row) throws SQLException {
        return new LedgerEntry(rs.getLong("id"), rs.getString("user_id"), EntryCode.valueOf(rs.getString("code")),
                rs.getLong("amount"), rs.getLong("d_rolled_over"), rs.getLong("d_allowance"),
                rs.getLong("d_purchased"), rs.getLong("d_reserved"), rs.getLong("credit"), rs.getLong("debit"),
                rs.getLong("available_after"), rs.getString("ref"), rs.getObject("event_id", UUID.class),
                rs.getTimestamp("created_at").toInstant());
    }
}

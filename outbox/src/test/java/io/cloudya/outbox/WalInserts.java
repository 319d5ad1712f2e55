package io.cloudya.outbox;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads what a transaction put into the WAL through a throwaway {@code test_decoding} slot: the outbox row is
 * deleted in the transaction that wrote it, so the WAL is where the relay (and this test) can see its columns.
 */
final class WalInserts implements AutoCloseable {

    private final JdbcClient jdbc;
    private final String slot;

    WalInserts(JdbcClient jdbc, String slot) {
        this.jdbc = jdbc;
        this.slot = slot;
        jdbc.sql("SELECT pg_create_logical_replication_slot(:slot, 'test_decoding')").param("slot", slot)
                .query(String.class).list();
    }

    /** test_decoding's text of every INSERT into outbox since the slot was created (or last read). */
    List<String> outboxInserts() {
        return jdbc.sql("SELECT data FROM pg_logical_slot_get_changes(:slot, NULL, NULL)").param("slot", slot)
                .query(String.class).list().stream()
                .filter(line -> line.startsWith("table public.outbox: INSERT:"))
                .toList();
    }

    @Override
    public void close() {
        // slots pin WAL and are few: never leave one behind
        jdbc.sql("SELECT pg_drop_replication_slot(:slot)").param("slot", slot).query(String.class).list();
    }
}

package io.cloudya.relay.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.cloudya.relay.config.RelayProperties;
import io.cloudya.relay.support.OutboxDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads slot states from the real catalog. A lost slot cannot be produced here without a server-wide setting
 * (max_slot_wal_keep_size): this checks what can be produced, a reserved slot and a missing one, and the drop;
 * LostSlotRecoveryIT runs the recovery itself end to end.
 */
class ReplicationSlotsIT {

    private static final OutboxDatabase DB = OutboxDatabase.withRandomName("slots");
    private static final String SLOT = ConnectorConfigFactory.slotName(DB.name());

    private final ReplicationSlots slots = new ReplicationSlots(new RelayProperties(null, null,
            new RelayProperties.Database(OutboxDatabase.HOST, OutboxDatabase.PORT, OutboxDatabase.USER, ""),
            List.of(), Map.of(), null, null, null, null));

    @BeforeAll
    static void throwawayDatabase() {
        DB.create();
    }

    @AfterAll
    static void dropDatabaseAndItsSlot() {
        DB.drop();
    }

    @Test
    void reportsAFreshSlotAsStreamableThenNothingOnceDropped() throws Exception {
        assertThat(slots.state(DB.name(), SLOT)).as("before the slot exists").isEmpty();

        DB.execute("SELECT pg_create_logical_replication_slot('" + SLOT + "', 'pgoutput')");

        assertThat(slots.state(DB.name(), SLOT)).hasValueSatisfying(state -> {
            assertThat(state.walStatus()).isEqualTo("reserved");
            assertThat(state.isLost()).isFalse();
            assertThat(state.confirmedFlushLsn()).matches("[0-9A-F]+/[0-9A-F]+");
        });

        slots.drop(DB.name(), SLOT);

        assertThat(slots.state(DB.name(), SLOT)).isEmpty();
    }

    @Test
    void neitherSeesNorDropsTheSlotFromAnotherDatabase() throws Exception {
        DB.execute("SELECT pg_create_logical_replication_slot('" + SLOT + "', 'pgoutput')");
        try {
            assertThat(slots.state("postgres", SLOT)).isEmpty();

            slots.drop("postgres", SLOT);

            assertThat(slots.state(DB.name(), SLOT)).isPresent();
        } finally {
            slots.drop(DB.name(), SLOT);
        }
    }
}

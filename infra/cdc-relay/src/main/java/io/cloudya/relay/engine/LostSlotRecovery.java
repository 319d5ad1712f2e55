package io.cloudya.relay.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recovers one engine from a replication slot PostgreSQL invalidated ({@code wal_status = 'lost'}: more than
 * {@code max_slot_wal_keep_size} of WAL was written while it was inactive). Such a slot can never stream again, and
 * Debezium would fail on it at every start. Checked in the catalog before each start attempt rather than read from
 * Debezium's error, whose text ("Unable to obtain valid replication slot") also covers long-running transactions.
 * Recovery drops the slot and this engine's offsets, so that Debezium creates a fresh slot at the current WAL
 * position (snapshot.mode=no_data: nothing old is replayed, and the outbox table is always empty anyway).
 */
public class LostSlotRecovery implements StartCheck {

    private static final Logger log = LoggerFactory.getLogger(LostSlotRecovery.class);

    private final ReplicationSlots slots;
    private final String slot;
    private final Path offsetsFile;
    private final boolean enabled;
    private final Counter recreated;
    private volatile SlotRecreation last;
    /** Only touched on the engine's scheduling thread: one ERROR per loss while recovery is off, not one per retry. */
    private boolean reportedRefusal;

    public LostSlotRecovery(ReplicationSlots slots, String database, Path offsetsFile, boolean enabled,
                            MeterRegistry registry) {
        this.slots = slots;
        this.slot = ConnectorConfigFactory.slotName(database);
        this.offsetsFile = offsetsFile;
        this.enabled = enabled;
        // Registered at start, so that the series exists at 0 and an alert can fire on its first increase.
        this.recreated = Counter.builder("relay.slot.recreated")
                .description("Lost replication slots dropped and created again (the gap's events: fast path only)")
                .tag("database", database)
                .register(registry);
    }

    @Override
    public Optional<String> blocker(String database) {
        Optional<SlotState> state;
        try {
            state = slots.state(database, slot);
        } catch (SQLException e) {
            return Optional.of("replication slot " + slot + " not readable: " + e.getMessage());
        }
        if (state.isEmpty() || !state.get().isLost()) {
            reportedRefusal = false;
            return Optional.empty();
        }
        return enabled ? recreate(database, state.get()) : refuse(database);
    }

    /** The last recreation since the relay started, if any. */
    public Optional<SlotRecreation> lastRecreation() {
        return Optional.ofNullable(last);
    }

    public long recreations() {
        return (long) recreated.count();
    }

    private Optional<String> recreate(String database, SlotState lost) {
        try {
            slots.drop(database, slot);
            // They hold a position in the dropped slot's stream. trust_greater_lsn would skip them for the fresh
            // slot's later position anyway; removed so that no setting can make Debezium resume from them.
            Files.deleteIfExists(offsetsFile);
        } catch (SQLException | IOException e) {
            return Optional.of("lost replication slot " + slot + " could not be recreated: " + e.getMessage());
        }
        last = new SlotRecreation(slot, lost.confirmedFlushLsn(), Instant.now());
        recreated.increment();
        log.error("Replication slot {} of {} was lost (wal_status=lost: PostgreSQL removed WAL it still needed). "
                        + "Dropped it and discarded the offsets {}; a fresh slot starts at the current WAL position. "
                        + "Outbox events committed after LSN {} until now were not relayed: they reached Kafka only "
                        + "through the services' fast path, and any whose fast-path send failed "
                        + "(outbox_fast_path_failures_total) never reached it",
                slot, database, offsetsFile, lost.confirmedFlushLsn());
        return Optional.empty();
    }

    private Optional<String> refuse(String database) {
        String reason = "replication slot " + slot + " is lost (wal_status=lost) and automatic recovery is off "
                + "(cloudya.relay.recreate-lost-slot=false): drop the slot and delete " + offsetsFile;
        if (!reportedRefusal) {
            log.error("Outbox engine {}: {}. Events committed meanwhile reach Kafka only through the fast path",
                    database, reason);
            reportedRefusal = true;
        }
        return Optional.of(reason);
    }
}

package io.cloudya.relay.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports an engine whose saved offsets are older than its slot's confirmed position. Debezium
 * ({@code offset.mismatch.strategy=trust_greater_lsn}) then starts from the slot, because PostgreSQL cannot stream what
 * the slot already confirmed: the events committed between the two positions were taken by whatever advanced the slot
 * (a second relay pointed at the same databases, an operator, an offsets file restored from a backup), not by this
 * relay. Debezium itself says nothing about the skip; this check never blocks a start.
 */
public class OffsetsBehindSlot implements StartCheck {

    private static final Logger log = LoggerFactory.getLogger(OffsetsBehindSlot.class);

    private final ReplicationSlots slots;
    private final String slot;
    private final Path offsetsFile;
    private final Counter skips;
    /** Only touched on the engine's scheduling thread: one report per gap, not one per start attempt. */
    private String reportedGap;

    public OffsetsBehindSlot(ReplicationSlots slots, String database, Path offsetsFile, MeterRegistry registry) {
        this.slots = slots;
        this.slot = ConnectorConfigFactory.slotName(database);
        this.offsetsFile = offsetsFile;
        this.skips = Counter.builder("relay.offsets.behind.slot")
                .description("Starts from a slot ahead of the saved offsets: the gap was consumed by someone else")
                .tag("database", database)
                .register(registry);
    }

    @Override
    public Optional<String> blocker(String database) {
        try {
            Optional<WalPosition> saved = SavedOffsets.position(offsetsFile);
            Optional<SlotState> state = slots.state(database, slot);
            if (saved.isPresent() && state.isPresent() && state.get().confirmedFlushLsn() != null) {
                reportIfBehind(database, saved.get(), WalPosition.parse(state.get().confirmedFlushLsn()));
            }
        } catch (IOException | SQLException e) {
            log.warn("Outbox engine {}: could not compare its offsets {} with slot {}: {}",
                    database, offsetsFile, slot, e.getMessage());
        }
        return Optional.empty();
    }

    private void reportIfBehind(String database, WalPosition saved, WalPosition confirmed) {
        String gap = saved + " → " + confirmed;
        if (!saved.isBefore(confirmed) || gap.equals(reportedGap)) {
            return;
        }
        reportedGap = gap;
        skips.increment();
        log.warn("Outbox engine {}: its offsets ({}) stop at LSN {} but slot {} already confirmed LSN {}: something "
                        + "else consumed the slot (another relay on the same databases?). Starting from the slot; "
                        + "outbox events committed in between were not relayed by this relay and reached Kafka "
                        + "through the services' fast path or that other consumer", database, offsetsFile, saved,
                slot, confirmed);
    }
}

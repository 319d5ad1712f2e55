package io.cloudya.relay.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import io.cloudya.relay.config.RelayProperties;
import org.springframework.stereotype.Component;

/** Reads and drops the relay's replication slots through PostgreSQL's catalog. */
@Component
public class ReplicationSlots {

    private final PgConnections connections;

    public ReplicationSlots(RelayProperties properties) {
        this.connections = new PgConnections(properties.database());
    }

    /** @return the slot's state, or empty when the database has no slot of that name */
    public Optional<SlotState> state(String database, String slot) throws SQLException {
        try (Connection connection = connections.open(database);
             PreparedStatement query = connection.prepareStatement("""
                     SELECT wal_status, confirmed_flush_lsn::text FROM pg_replication_slots
                     WHERE slot_name = ? AND database = current_database()""")) {
            query.setString(1, slot);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? Optional.of(new SlotState(rs.getString(1), rs.getString(2))) : Optional.empty();
            }
        }
    }

    /**
     * Drops the slot if the database has it. Not guarded by its state here: the caller decided from that state, a
     * lost slot never becomes usable again, and the slot's only user, this database's engine, is not running.
     */
    public void drop(String database, String slot) throws SQLException {
        try (Connection connection = connections.open(database);
             PreparedStatement drop = connection.prepareStatement("""
                     SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots
                     WHERE slot_name = ? AND database = current_database()""")) {
            drop.setString(1, slot);
            drop.executeQuery().close();
        }
    }
}

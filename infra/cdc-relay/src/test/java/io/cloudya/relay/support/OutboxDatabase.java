package io.cloudya.relay.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.flywaydb.core.Flyway;

/**
 * A throwaway outbox database on the local PostgreSQL, migrated with the outbox module's real migration.
 * {@link #drop()} removes its replication slot and the database: slots are scarce (10) and pin WAL.
 */
public final class OutboxDatabase {

    public static final String HOST = System.getProperty("relay.it.db-host", "127.0.0.1");
    public static final int PORT = Integer.getInteger("relay.it.db-port", 5432);
    public static final String USER = System.getProperty("relay.it.db-user", "postgres");
    /** The outbox module's own migration, found from the module directory (failsafe) or the repository root. */
    private static final String MIGRATIONS = System.getProperty("relay.it.outbox-migrations",
            "filesystem:" + (Files.isDirectory(Path.of("outbox")) ? "" : "../../") + "outbox/src/main/resources/db/outbox");

    private final String name;

    private OutboxDatabase(String name) {
        this.name = name;
    }

    /** A fresh name; the database itself is created by {@link #create()}. */
    public static OutboxDatabase withRandomName(String purpose) {
        return new OutboxDatabase("cloudya_relay_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8));
    }

    public String name() {
        return name;
    }

    /** Creates the database; a JVM shutdown hook drops it if a failed test never reached {@link #drop()}. */
    public OutboxDatabase create() {
        admin("CREATE DATABASE " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(this::dropQuietly, "drop-" + name));
        return this;
    }

    public OutboxDatabase migrate() {
        Flyway.configure().dataSource(url(name), USER, "").locations(MIGRATIONS).load().migrate();
        return this;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(name), USER, "");
    }

    /** Inserts one outbox row (an event envelope about {@code key}) in the connection's current transaction. */
    public static UUID insertEvent(Connection connection, String topic, String key) throws SQLException {
        return insertEvent(connection, topic, key, null);
    }

    /** As {@link #insertEvent(Connection, String, String)}, written inside the trace {@code traceparent} names. */
    public static UUID insertEvent(Connection connection, String topic, String key, String traceparent)
            throws SQLException {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        String envelope = """
                {"id":"%s","type":"RelayTested","version":1,"occurredAt":"%s","key":"%s","traceId":"t-%s",\
                "payload":{"note":"relay it"}}""".formatted(id, now, key, id);
        // the column is named only when set, so this also writes to an outbox table from before it existed
        String traceColumn = traceparent == null ? "" : ", traceparent";
        String traceValue = traceparent == null ? "" : ", ?";
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO outbox (id, aggregatetype, aggregateid, type, topic, payload, occurred_at%s)
                VALUES (?, 'relay-test', ?, 'RelayTested', ?, ?::jsonb, ?%s)"""
                .formatted(traceColumn, traceValue))) {
            insert.setObject(1, id);
            insert.setString(2, key);
            insert.setString(3, topic);
            insert.setString(4, envelope);
            insert.setTimestamp(5, Timestamp.from(now));
            if (traceparent != null) {
                insert.setString(6, traceparent);
            }
            insert.executeUpdate();
        }
        return id;
    }

    /** Inserts one event in its own committed transaction. */
    public UUID commitEvent(String topic, String key) throws SQLException {
        return commitEvent(topic, key, null);
    }

    /** Inserts one event, written inside the trace {@code traceparent} names, in its own committed transaction. */
    public UUID commitEvent(String topic, String key, String traceparent) throws SQLException {
        try (Connection connection = connect()) {
            return insertEvent(connection, topic, key, traceparent);
        }
    }

    /** Runs one statement (a schema change) in its own committed transaction. */
    public void execute(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Drops the database's replication slot (its engine must be stopped) and the database; safe to repeat. */
    public void drop() {
        admin("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE database = '" + name + "'");
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private void dropQuietly() {
        try {
            drop();
        } catch (RuntimeException e) {
            System.err.println("Could not drop " + name + ": " + e.getMessage());
        }
    }

    private static void admin(String sql) {
        try (Connection connection = DriverManager.getConnection(url("postgres"), USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static String url(String database) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
    }
}

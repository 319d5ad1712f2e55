package io.cloudya.relay.engine;

import java.nio.file.Path;
import java.util.Properties;

import io.cloudya.relay.config.RelayProperties;

/**
 * Builds one engine's configuration: the shared connector properties (Kafka Connect keys), the per-database
 * overrides a Kafka Connect connector would also carry, and the engine-only settings (offsets) that Kafka Connect
 * keeps in its worker instead.
 */
public final class ConnectorConfigFactory {

    static final String FILE_OFFSET_STORE = "org.apache.kafka.connect.storage.FileOffsetBackingStore";

    private final RelayProperties properties;

    public ConnectorConfigFactory(RelayProperties properties) {
        this.properties = properties;
    }

    public Properties create(String database) {
        Properties config = new Properties();
        config.putAll(properties.connector());
        config.setProperty("name", database + "-outbox");
        RelayProperties.Database db = properties.database();
        config.setProperty("database.hostname", db.host());
        config.setProperty("database.port", Integer.toString(db.port()));
        config.setProperty("database.user", db.user());
        if (db.password() != null && !db.password().isEmpty()) {
            config.setProperty("database.password", db.password());
        }
        config.setProperty("database.dbname", database);
        config.setProperty("slot.name", slotName(database));
        config.setProperty("topic.prefix", database);
        config.setProperty("offset.storage", FILE_OFFSET_STORE);
        config.setProperty("offset.storage.file.filename", offsetsFile(database).toString());
        config.setProperty("offset.flush.interval.ms", Long.toString(properties.offsetFlushInterval().toMillis()));
        return config;
    }

    /** Each engine's own offsets file, so that one engine's offsets can be discarded without touching another's. */
    public Path offsetsFile(String database) {
        return properties.dataDir().resolve(database + ".offsets").toAbsolutePath();
    }

    /** One slot per outbox database, named after it: {@code cloudya_command} → {@code cloudya_command_outbox}. */
    public static String slotName(String database) {
        return database + "_outbox";
    }
}

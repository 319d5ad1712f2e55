package io.cloudya.relay.engine;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

import io.cloudya.relay.config.RelayProperties;

/**
 * Checks that an engine can start: the database answers and the service's migration has created the publication.
 * Starting Debezium before that would create the slot early, and pgoutput then fails for good on the first change
 * it decodes while the publication is still missing (it reads the catalog as of that change).
 */
public class PublicationProbe {

    private final RelayProperties.Database database;
    private final String publication;

    public PublicationProbe(RelayProperties.Database database, String publication) {
        this.database = database;
        this.publication = publication;
    }

    /** @return why the engine cannot start yet, or empty when it can */
    public Optional<String> blocker(String databaseName) {
        Properties props = new Properties();
        props.setProperty("user", database.user());
        if (database.password() != null && !database.password().isEmpty()) {
            props.setProperty("password", database.password());
        }
        props.setProperty("connectTimeout", "5");
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(databaseName), props);
             PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_publication WHERE pubname = ?")) {
            query.setString(1, publication);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? Optional.empty()
                        : Optional.of("publication " + publication + " does not exist yet (migration not run)");
            }
        } catch (SQLException e) {
            return Optional.of("database not reachable: " + e.getMessage());
        }
    }
}

package io.cloudya.relay.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import io.cloudya.relay.config.RelayProperties;

/**
 * Checks that an engine can start: the database answers and the service's migration has created the publication.
 * Starting Debezium before that would create the slot early, and pgoutput then fails for good on the first change
 * it decodes while the publication is still missing (it reads the catalog as of that change).
 */
public class PublicationProbe implements StartCheck {

    private final PgConnections connections;
    private final String publication;

    public PublicationProbe(RelayProperties.Database database, String publication) {
        this.connections = new PgConnections(database);
        this.publication = publication;
    }

    @Override
    public Optional<String> blocker(String databaseName) {
        try (Connection connection = connections.open(databaseName);
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

package io.cloudya.relay.engine;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import io.cloudya.relay.config.RelayProperties;

/** Short-lived JDBC connections to one outbox database, for the checks made before an engine starts. */
final class PgConnections {

    private final RelayProperties.Database database;

    PgConnections(RelayProperties.Database database) {
        this.database = database;
    }

    Connection open(String databaseName) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", database.user());
        if (database.password() != null && !database.password().isEmpty()) {
            props.setProperty("password", database.password());
        }
        // A start check must not hang an engine's scheduling thread on a server that does not answer.
        props.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(database.jdbcUrl(databaseName), props);
    }
}

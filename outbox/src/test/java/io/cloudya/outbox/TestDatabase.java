package io.cloudya.outbox;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Recreates a throwaway database on the local PostgreSQL (trust auth) for one test class. */
final class TestDatabase {

    static final String HOST = System.getenv().getOrDefault("PGHOST", "127.0.0.1");
    static final String PORT = System.getenv().getOrDefault("PGPORT", "5432");

    private TestDatabase() {
    }

    static String recreate(String name) {
        try (Connection admin = DriverManager.getConnection(url("postgres"), "postgres", "");
             Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot recreate test database " + name, e);
        }
        return url(name);
    }

    static String url(String database) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
    }
}

package io.cloudya.token.bench;

import java.sql.DriverManager;

/** Creates and drops the benchmark's own databases through the local superuser (trust auth). */
final class BenchDatabases {

    private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    private BenchDatabases() {
    }

    static void recreate(String name, String owner) throws Exception {
        drop(name);
        exec("CREATE DATABASE " + name + " OWNER " + owner);
    }

    static void drop(String name) throws Exception {
        exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void exec(String sql) throws Exception {
        try (var connection = DriverManager.getConnection(ADMIN_URL, "postgres", "");
             var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}

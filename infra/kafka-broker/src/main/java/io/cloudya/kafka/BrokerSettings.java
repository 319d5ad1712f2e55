package io.cloudya.kafka;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Where the broker listens and keeps its data. Each value comes from a system property or an environment variable
 * of the same name (the property wins, so tests and scripts can override without touching the environment),
 * with defaults that suit a developer machine.
 */
public record BrokerSettings(int port, int controllerPort, Path dataDir, int partitions) {

    static final String PORT = "KAFKA_PORT";
    static final String CONTROLLER_PORT = "KAFKA_CONTROLLER_PORT";
    static final String DATA_DIR = "KAFKA_DATA_DIR";
    static final String PARTITIONS = "KAFKA_PARTITIONS";

    public BrokerSettings {
        if (partitions < 1) {
            throw new IllegalArgumentException(PARTITIONS + " must be at least 1, was " + partitions);
        }
        dataDir = dataDir.toAbsolutePath().normalize();
    }

    /** Reads the settings from system properties, then the environment, then the defaults. */
    public static BrokerSettings fromSystem() {
        return from(name -> {
            String property = System.getProperty(name);
            return property != null ? property : System.getenv(name);
        });
    }

    static BrokerSettings from(UnaryOperator<String> lookup) {
        return new BrokerSettings(
                Integer.parseInt(valueOr(lookup, PORT, "9092")),
                Integer.parseInt(valueOr(lookup, CONTROLLER_PORT, "9093")),
                Path.of(valueOr(lookup, DATA_DIR, "./var/kafka")),
                Integer.parseInt(valueOr(lookup, PARTITIONS, "3")));
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    private static String valueOr(UnaryOperator<String> lookup, String name, String fallback) {
        String value = lookup.apply(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}

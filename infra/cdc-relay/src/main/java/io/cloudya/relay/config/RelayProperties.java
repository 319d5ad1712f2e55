package io.cloudya.relay.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The relay's settings (prefix {@code relay}).
 *
 * @param kafkaBootstrapServers where records are forwarded
 * @param dataDir               where each engine keeps its offsets file
 * @param database              how to reach PostgreSQL (one server holds every outbox database)
 * @param databases             the outbox databases to relay; slot and topic prefix derive from each name
 * @param connector             connector properties shared by every database, with Kafka Connect's keys
 * @param offsetFlushInterval   how often processed offsets are saved (and the slot advanced)
 * @param linger                how long the forwarding producer holds records to send them together
 * @param retry                 how engines retry a start that cannot succeed yet
 * @param receipts              the services' fast-path receipts, by which the relay skips events already delivered
 */
@ConfigurationProperties("relay")
public record RelayProperties(
        String kafkaBootstrapServers,
        Path dataDir,
        Database database,
        List<String> databases,
        Map<String, String> connector,
        Duration offsetFlushInterval,
        Duration linger,
        Retry retry,
        Receipts receipts) {

    public RelayProperties {
        databases = List.copyOf(databases);
        connector = Map.copyOf(connector);
    }

    /** @param password empty means none (trust authentication on a developer machine) */
    public record Database(String host, int port, String user, String password) {

        public String jdbcUrl(String name) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + name;
        }
    }

    /**
     * @param topic     where the services report what their fast path delivered; empty: publish every event
     * @param grace     how long a batch waits for a receipt that has not come yet before sending the copy
     * @param retention how long a receipt is remembered (and read back after a restart)
     */
    public record Receipts(String topic, Duration grace, Duration retention) {

        public boolean enabled() {
            return topic != null && !topic.isBlank();
        }
    }

    /** Delays grow from {@code initialBackoff}, doubling, up to {@code maxBackoff}. */
    public record Retry(Duration initialBackoff, Duration maxBackoff) {
    }
}

package io.cloudya.relay.forward;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One database's relay metrics: records forwarded or skipped, and lag from the event's occurredAt to its forwarding. */
final class ForwardMetrics {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Counter forwarded;
    private final Counter skipped;
    private final Timer lag;

    ForwardMetrics(MeterRegistry registry, String database) {
        this.forwarded = Counter.builder("relay.records.forwarded")
                .description("Outbox records forwarded to Kafka")
                .tag("database", database)
                .register(registry);
        this.skipped = Counter.builder("relay.records.skipped")
                .description("Outbox records not forwarded: the service's fast path had delivered them")
                .tag("database", database)
                .register(registry);
        this.lag = Timer.builder("relay.forward.lag")
                .description("Time from the event's occurredAt until the relay has it on Kafka (sent or delivered)")
                .tag("database", database)
                .register(registry);
    }

    /** Counted in the lag too: how far behind the relay reads the WAL matters whoever sent the event. */
    void recordSkipped(String value) {
        skipped.increment();
        recordLag(value);
    }

    void recordForwarded(String value) {
        forwarded.increment();
        recordLag(value);
    }

    private void recordLag(String value) {
        Instant occurredAt = occurredAt(value);
        if (occurredAt != null) {
            lag.record(Duration.between(occurredAt, Instant.now()));
        }
    }

    /** The envelope's occurredAt, or null for a value that is not an envelope (metrics must never fail a batch). */
    private static Instant occurredAt(String value) {
        if (value == null) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(value).get("occurredAt");
            return node == null || !node.isString() ? null : Instant.parse(node.asString());
        } catch (JacksonException | DateTimeParseException e) {
            return null;
        }
    }
}

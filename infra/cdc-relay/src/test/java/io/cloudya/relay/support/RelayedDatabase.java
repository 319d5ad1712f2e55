package io.cloudya.relay.support;

import static io.cloudya.relay.support.Records.hasId;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.cloudya.relay.engine.OutboxEngine;
import io.cloudya.relay.engine.OutboxEngines;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * One throwaway outbox database relayed by the application under test: its relay settings, its engine started
 * and running, a topic read up to a marker event, and the teardown. Shared by the relay's integration tests, which
 * register it as an extension ({@code @RegisterExtension}) so that it stops the engines and drops the database after
 * the class's last test.
 */
public final class RelayedDatabase implements BeforeAllCallback, AfterAllCallback {

    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final OutboxDatabase db;
    private ApplicationContext application;

    public RelayedDatabase(OutboxDatabase db) {
        this.db = db;
    }

    public OutboxDatabase db() {
        return db;
    }

    /**
     * Creates and migrates the database and points the relay at it alone, with its own offsets directory: one the
     * relay must create itself, as on a fresh machine.
     */
    public void register(DynamicPropertyRegistry registry) throws Exception {
        db.create().migrate();
        String dataDir = tempDir().resolve("relay").toString();
        registry.add("relay.databases", db::name);
        registry.add("relay.data-dir", () -> dataDir);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        application = SpringExtension.getApplicationContext(context);
    }

    /** The engine the application under test runs for this database. */
    public OutboxEngine engine() {
        return application.getBean(OutboxEngines.class).byDatabase().get(db.name());
    }

    /** Starts the database's engine (a no-op when it runs) and waits until it streams. */
    public void startEngine() {
        engine().start();
        await().atMost(TIMEOUT).until(() -> engine().state().isRunning());
    }

    /** Every record of {@code topic} up to and including the event {@code marker}. */
    public List<ConsumerRecord<String, String>> readThrough(String topic, UUID marker) {
        String brokers = application.getEnvironment().getRequiredProperty("spring.embedded.kafka.brokers");
        try (TopicReader reader = new TopicReader(brokers, topic)) {
            return reader.readThrough(r -> hasId(r, marker), TIMEOUT);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (application != null) {
                application.getBean(OutboxEngines.class).stop();
            }
        } finally {
            db.drop();
        }
    }

    private static java.nio.file.Path tempDir() {
        try {
            return Files.createTempDirectory("relay-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

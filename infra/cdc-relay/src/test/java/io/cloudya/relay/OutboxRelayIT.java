package io.cloudya.relay;

import static io.cloudya.relay.support.Records.hasId;
import static io.cloudya.relay.support.Records.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.cloudya.relay.config.RelayProperties;
import io.cloudya.relay.support.OutboxDatabase;
import io.cloudya.relay.support.RelayIntegrationTest;
import io.cloudya.relay.support.RelayedDatabase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/** What reaches Kafka for committed, rolled-back and insert-then-deleted rows; restarts: {@link OutboxRestartIT}. */
@RelayIntegrationTest
@EmbeddedKafka(partitions = 1, topics = {"it.committed", "it.rolled-back", "it.insert-delete"})
class OutboxRelayIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final OutboxDatabase DB = OutboxDatabase.withRandomName("it");

    @RegisterExtension
    static final RelayedDatabase RELAYED = new RelayedDatabase(DB);

    @Autowired
    RelayProperties properties;

    @DynamicPropertySource
    static void relayOneThrowawayDatabase(DynamicPropertyRegistry registry) throws Exception {
        RELAYED.register(registry);
    }

    @BeforeEach
    void engineRunning() {
        RELAYED.startEngine();
    }

    @Test
    void shouldPublishCommittedEventOnceWithKeyPayloadAndHeaders() throws Exception {
        String key = "user-" + UUID.randomUUID();
        UUID id = DB.commitEvent("it.committed", key);
        UUID marker = DB.commitEvent("it.committed", key);

        List<ConsumerRecord<String, String>> read = RELAYED.readThrough("it.committed", marker);

        assertThat(read).hasSize(2);
        ConsumerRecord<String, String> event = read.getFirst();
        assertThat(event.key()).isEqualTo(key);
        assertThat(header(event, "id")).isEqualTo(id.toString());
        assertThat(header(event, "eventType")).isEqualTo("RelayTested");
        assertThat(event.headers()).extracting(h -> h.key()).containsExactlyInAnyOrder("id", "eventType");
        var json = JsonMapper.builder().build().readTree(event.value());
        assertThat(json.get("id").asString()).isEqualTo(id.toString());
        assertThat(json.get("key").asString()).isEqualTo(key);
        assertThat(json.get("payload").get("note").asString()).isEqualTo("relay it");
    }

    @Test
    void savesItsOffsetsInTheDirectoryItCreatedForThem() throws Exception {
        UUID marker = DB.commitEvent("it.committed", "user-offsets");
        RELAYED.readThrough("it.committed", marker);

        Path offsets = properties.dataDir().resolve(DB.name() + ".offsets");
        await().atMost(TIMEOUT).until(() -> Files.exists(offsets) && Files.size(offsets) > 0);
    }

    @Test
    void shouldNeverPublishEventOfRolledBackTransaction() throws Exception {
        String key = "user-" + UUID.randomUUID();
        UUID rolledBack;
        try (Connection connection = DB.connect()) {
            connection.setAutoCommit(false);
            rolledBack = OutboxDatabase.insertEvent(connection, "it.rolled-back", key);
            connection.rollback();
        }
        UUID marker = DB.commitEvent("it.rolled-back", key);

        List<ConsumerRecord<String, String>> read = RELAYED.readThrough("it.rolled-back", marker);

        assertThat(read).noneMatch(r -> hasId(r, rolledBack)).hasSize(1);
    }

    @Test
    void shouldPublishOnceWhenEventIsInsertedAndDeletedInOneTransaction() throws Exception {
        String key = "user-" + UUID.randomUUID();
        UUID id;
        try (Connection connection = DB.connect()) {
            connection.setAutoCommit(false);
            id = OutboxDatabase.insertEvent(connection, "it.insert-delete", key);
            connection.createStatement().executeUpdate("DELETE FROM outbox WHERE id = '" + id + "'");
            connection.commit();
        }
        UUID marker = DB.commitEvent("it.insert-delete", key);

        List<ConsumerRecord<String, String>> read = RELAYED.readThrough("it.insert-delete", marker);

        assertThat(read).filteredOn(r -> hasId(r, id)).hasSize(1);
        assertThat(read).hasSize(2);
    }
}

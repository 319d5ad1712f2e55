package io.cloudya.relay;

import static io.cloudya.relay.support.Records.header;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import io.cloudya.relay.support.OutboxDatabase;
import io.cloudya.relay.support.RelayIntegrationTest;
import io.cloudya.relay.support.RelayedDatabase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Exactly-once delivery across an engine restart in the middle of writes; its own database and slot. */
@RelayIntegrationTest
@EmbeddedKafka(partitions = 1, topics = "it.restart")
class OutboxRestartIT {

    private static final OutboxDatabase DB = OutboxDatabase.withRandomName("restart");

    @RegisterExtension
    static final RelayedDatabase RELAYED = new RelayedDatabase(DB);

    @DynamicPropertySource
    static void relayOneThrowawayDatabase(DynamicPropertyRegistry registry) throws Exception {
        RELAYED.register(registry);
    }

    @BeforeEach
    void engineRunning() {
        RELAYED.startEngine();
    }

    @Test
    void shouldPublishEveryEventExactlyOnceWhenEngineIsRestartedDuringWrites() throws Exception {
        String key = "user-" + UUID.randomUUID();
        RestartDuringWrites scenario = new RestartDuringWrites(DB, "it.restart", key, 100);

        List<UUID> written = scenario.run(RELAYED.engine());
        UUID marker = DB.commitEvent("it.restart", key);
        List<ConsumerRecord<String, String>> read = RELAYED.readThrough("it.restart", marker);

        List<String> ids = read.stream().map(r -> header(r, "id")).toList();
        assertThat(ids).doesNotHaveDuplicates().hasSize(101);
        assertThat(ids).containsAll(written.stream().map(UUID::toString).toList());
        assertThat(scenario.writtenWhileStopped()).as("events written while the engine was stopped").isPositive();
    }
}

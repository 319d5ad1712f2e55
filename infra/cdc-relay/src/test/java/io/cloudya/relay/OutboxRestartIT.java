package io.cloudya.relay;

import static io.cloudya.relay.support.Records.hasId;
import static io.cloudya.relay.support.Records.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.cloudya.relay.engine.OutboxEngine;
import io.cloudya.relay.engine.OutboxEngines;
import io.cloudya.relay.support.OutboxDatabase;
import io.cloudya.relay.support.RelayIntegrationTest;
import io.cloudya.relay.support.RelayedDatabase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Exactly-once delivery across an engine restart in the middle of writes; its own database and slot. */
@RelayIntegrationTest
@EmbeddedKafka(partitions = 1, topics = "it.restart")
class OutboxRestartIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final OutboxDatabase DB = OutboxDatabase.withRandomName("restart");

    @RegisterExtension
    static final RelayedDatabase RELAYED = new RelayedDatabase(DB);

    @Autowired
    OutboxEngines engines;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @DynamicPropertySource
    static void relayOneThrowawayDatabase(DynamicPropertyRegistry registry) throws Exception {
        RELAYED.register(registry);
    }

    @BeforeEach
    void engineRunning() {
        RELAYED.startEngine(engines);
    }

    @Test
    void shouldPublishEveryEventExactlyOnceWhenEngineIsRestartedDuringWrites() throws Exception {
        String key = "user-" + UUID.randomUUID();
        RestartDuringWrites scenario = new RestartDuringWrites(DB, "it.restart", key, 100);

        List<UUID> written = scenario.run(engine());
        UUID marker = DB.commitEvent("it.restart", key);
        List<ConsumerRecord<String, String>> read = readThrough("it.restart", marker);

        List<String> ids = read.stream().map(r -> header(r, "id")).toList();
        assertThat(ids).doesNotHaveDuplicates().hasSize(101);
        assertThat(ids).containsAll(written.stream().map(UUID::toString).toList());
        assertThat(scenario.writtenWhileStopped()).as("events written while the engine was stopped").isPositive();
    }

    private List<ConsumerRecord<String, String>> readThrough(String topic, UUID marker) {
        return RELAYED.readThrough(brokers, topic, marker);
    }

    private OutboxEngine engine() {
        return RELAYED.engine(engines);
    }
}

package io.cloudya.relay;

import static io.cloudya.relay.support.Records.hasId;
import static io.cloudya.relay.support.Records.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.cloudya.relay.support.OutboxDatabase;
import io.cloudya.relay.support.RelayIntegrationTest;
import io.cloudya.relay.support.RelayedDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** What the relay carries and shows for operators: the writer's trace on each record, its producer's metrics. */
@RelayIntegrationTest
@EmbeddedKafka(partitions = 1, topics = {"it.traced", "it.legacy"})
class RelayObservabilityIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final OutboxDatabase DB = OutboxDatabase.withRandomName("trace");

    @RegisterExtension
    static final RelayedDatabase RELAYED = new RelayedDatabase(DB);
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Autowired MeterRegistry meters;

    @DynamicPropertySource
    static void relayOneThrowawayDatabase(DynamicPropertyRegistry registry) throws Exception {
        RELAYED.register(registry);
    }

    @BeforeEach
    void engineRunning() {
        RELAYED.startEngine();
    }

    @Test
    void shouldPutTheWritersTraceparentOnTheRecordAsHeader() throws Exception {
        String key = "user-" + UUID.randomUUID();
        UUID traced = DB.commitEvent("it.traced", key, TRACEPARENT);
        UUID untraced = DB.commitEvent("it.traced", key);

        List<ConsumerRecord<String, String>> read = RELAYED.readThrough("it.traced", untraced);

        assertThat(read).filteredOn(r -> hasId(r, traced)).singleElement()
                .satisfies(r -> assertThat(header(r, "traceparent")).isEqualTo(TRACEPARENT));
        assertThat(read).filteredOn(r -> hasId(r, untraced)).singleElement()
                .satisfies(r -> assertThat(r.headers().lastHeader("traceparent")).isNull());
    }

    @Test
    void shouldRelayRowsOfAnOutboxTableFromBeforeTheTraceparentColumn() throws Exception {
        String key = "user-" + UUID.randomUUID();
        DB.execute("ALTER TABLE outbox DROP COLUMN traceparent");
        try {
            UUID legacy = DB.commitEvent("it.legacy", key);

            List<ConsumerRecord<String, String>> read = RELAYED.readThrough("it.legacy", legacy);

            assertThat(header(read.getLast(), "eventType")).isEqualTo("RelayTested");
            assertThat(read.getLast().headers().lastHeader("traceparent")).isNull();
        } finally {
            DB.execute("ALTER TABLE outbox ADD COLUMN IF NOT EXISTS traceparent varchar(128)");
        }
    }

    @Test
    void shouldExposeTheForwardingProducersKafkaMetrics() throws Exception {
        String key = "user-" + UUID.randomUUID();
        RELAYED.readThrough("it.traced", DB.commitEvent("it.traced", key));

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(meters.find("kafka.producer.record.send.total")
                .tag("client.id", "cdc-relay").functionCounter()).isNotNull()
                .satisfies(sent -> assertThat(sent.count()).isPositive()));
    }
}

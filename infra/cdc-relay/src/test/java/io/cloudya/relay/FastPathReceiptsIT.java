package io.cloudya.relay;

import static io.cloudya.relay.support.Records.hasId;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cloudya.relay.support.OutboxDatabase;
import io.cloudya.relay.support.RelayIntegrationTest;
import io.cloudya.relay.support.RelayedDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The relay sends no copy of an event the service's fast path reported delivered (docs/events.md, step 4). */
@RelayIntegrationTest
@EmbeddedKafka(partitions = 1, topics = {"it.delivered", "outbox.delivered"})
class FastPathReceiptsIT {

    private static final OutboxDatabase DB = OutboxDatabase.withRandomName("receipts");

    @RegisterExtension
    static final RelayedDatabase RELAYED = new RelayedDatabase(DB);

    @Autowired
    MeterRegistry meters;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @DynamicPropertySource
    static void relayOneThrowawayDatabase(DynamicPropertyRegistry registry) throws Exception {
        RELAYED.register(registry);
    }

    @BeforeEach
    void engineRunning() {
        RELAYED.startEngine();
    }

    @Test
    void sendsNoCopyOfAnEventWhoseFastPathReceiptArrived() throws Exception {
        String key = "user-" + UUID.randomUUID();
        double skippedBefore = skipped();
        UUID delivered;
        try (Connection connection = DB.connect();
             KafkaProducer<String, String> services = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                     ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                     ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            connection.setAutoCommit(false);
            delivered = OutboxDatabase.insertEvent(connection, "it.delivered", key);
            // as the fast path reports it, with another service's receipt in the same record
            services.send(new ProducerRecord<>("outbox.delivered", UUID.randomUUID() + "," + delivered)).get();
            connection.commit();
        }
        UUID withoutReceipt = DB.commitEvent("it.delivered", key);

        List<ConsumerRecord<String, String>> read = RELAYED.readThrough("it.delivered", withoutReceipt);

        assertThat(read).noneMatch(r -> hasId(r, delivered)).hasSize(1);
        assertThat(skipped() - skippedBefore).isEqualTo(1);
    }

    private double skipped() {
        var counter = meters.find("relay.records.skipped").tag("database", DB.name()).counter();
        return counter == null ? 0 : counter.count();
    }
}

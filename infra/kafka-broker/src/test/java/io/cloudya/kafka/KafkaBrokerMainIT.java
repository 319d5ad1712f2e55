package io.cloudya.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.cloudya.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerMainIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Path JAR = Path.of(System.getProperty("broker.jar", "target/kafka-broker.jar"));

    @TempDir
    Path tmp;

    @Test
    void shouldServeAllTopicsAndKeepMessagesAcrossARestartOnTheSameDataDir() throws Exception {
        int port = BrokerProcess.freePort();
        int controllerPort = BrokerProcess.freePort();
        Path dataDir = tmp.resolve("kafka");
        String bootstrap = "127.0.0.1:" + port;
        String key = "user-" + UUID.randomUUID();

        try (BrokerProcess broker = BrokerProcess.start(JAR, port, controllerPort, dataDir)) {
            assertThat(broker.awaitReadyLine(START_TIMEOUT)).isEqualTo("Kafka broker ready on " + bootstrap);
            assertThat(topicNames(bootstrap)).containsAll(Topics.ALL);
            produce(bootstrap, Topics.COMMAND_EVENTS, key, "first");
            assertThat(consumeAll(bootstrap, Topics.COMMAND_EVENTS, 1)).containsExactly(key + "=first");
            assertThat(broker.stop(Duration.ofSeconds(30))).isIn(0, 143);
        }

        try (BrokerProcess restarted = BrokerProcess.start(JAR, port, controllerPort, dataDir)) {
            assertThat(restarted.awaitReadyLine(START_TIMEOUT)).isEqualTo("Kafka broker ready on " + bootstrap);
            assertThat(topicNames(bootstrap)).containsAll(Topics.ALL);
            produce(bootstrap, Topics.COMMAND_EVENTS, key, "second");
            assertThat(consumeAll(bootstrap, Topics.COMMAND_EVENTS, 2)).containsExactly(key + "=first", key + "=second");
            assertThat(restarted.stop(Duration.ofSeconds(30))).isIn(0, 143);
        }
    }

    private static java.util.Set<String> topicNames(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            return admin.listTopics().names().get(10, TimeUnit.SECONDS);
        }
    }

    private static void produce(String bootstrap, String topic, String key, String value) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
        }
    }

    /** Reads the topic from the beginning with a fresh group until {@code expected} records or a deadline. */
    private static List<String> consumeAll(String bootstrap, String topic, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            while (seen.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    seen.add(r.key() + "=" + r.value());
                }
            }
        }
        return seen;
    }
}

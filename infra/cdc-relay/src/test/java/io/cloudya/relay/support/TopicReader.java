package io.cloudya.relay.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads one topic from the beginning, as a fresh consumer group would. */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;

    public TopicReader(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "relay-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        consumer.subscribe(List.of(topic));
    }

    /**
     * Every record up to and including the first that matches {@code last}; fails after {@code timeout}.
     * Tests end each scenario with a marker event on the same key (same partition, so in order): once the marker
     * is read, anything published before it has been read too.
     */
    public List<ConsumerRecord<String, String>> readThrough(Predicate<ConsumerRecord<String, String>> last,
                                                            Duration timeout) {
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                seen.add(record);
                if (last.test(record)) {
                    return seen;
                }
            }
        }
        throw new AssertionError("no matching record within " + timeout + "; read " + seen.size() + " records");
    }

    @Override
    public void close() {
        consumer.close();
    }
}

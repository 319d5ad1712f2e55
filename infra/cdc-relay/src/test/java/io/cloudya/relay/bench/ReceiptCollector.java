package io.cloudya.relay.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/** A consumer thread that records when each event id arrives (System.nanoTime, same clock as the writer). */
final class ReceiptCollector implements AutoCloseable {

    private final Thread thread;
    private volatile boolean running = true;

    ReceiptCollector(String brokers, String topic, Map<String, Long> receivedNanos) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        consumer.subscribe(List.of(topic));
        thread = Thread.ofPlatform().name("bench-consumer").start(() -> {
            try (consumer) {
                while (running) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                        Header id = record.headers().lastHeader("id");
                        receivedNanos.putIfAbsent(new String(id.value(), StandardCharsets.UTF_8), System.nanoTime());
                    }
                }
            }
        });
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
    }
}

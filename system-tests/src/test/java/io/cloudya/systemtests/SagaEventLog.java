package io.cloudya.systemtests;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The saga's events of one command as the suite's broker holds them (the fast path's, and the relay's copy where
 * it sent one), read from the saga topics without joining any consumer group.
 */
final class SagaEventLog {

    static final List<String> TOPICS = List.of("command.events", "reservation.events", "ai-job.requests");
    private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([A-Za-z]+)\"");

    /** One record: the envelope's event type and the record's {@code traceparent} header (null without one). */
    record SagaRecord(String type, String traceparent) {
    }

    private SagaEventLog() {
    }

    /** Every record of {@code commandId} written since {@code since}, once the given types have all been seen. */
    static List<SagaRecord> of(String commandId, Instant since, Set<String> expectedTypes, Duration patience) {
        List<SagaRecord> found = new ArrayList<>();
        Instant deadline = Instant.now().plus(patience);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config())) {
            seekToTime(consumer, since);
            while (Instant.now().isBefore(deadline)
                    && !found.stream().map(SagaRecord::type).toList().containsAll(expectedTypes)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() != null && record.value().contains(commandId)) {
                        found.add(new SagaRecord(type(record.value()), traceparent(record)));
                    }
                }
            }
        }
        return found;
    }

    private static void seekToTime(KafkaConsumer<String, String> consumer, Instant since) {
        List<TopicPartition> partitions = new ArrayList<>();
        TOPICS.forEach(topic -> consumer.partitionsFor(topic)
                .forEach(p -> partitions.add(new TopicPartition(topic, p.partition()))));
        consumer.assign(partitions);
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(p -> times.put(p, since.toEpochMilli()));
        consumer.offsetsForTimes(times).forEach((partition, offset) -> {
            if (offset == null) {
                consumer.seekToEnd(List.of(partition));
            } else {
                consumer.seek(partition, offset.offset());
            }
        });
    }

    private static Properties config() {
        Properties config = new Properties();
        // the suite's broker: bin/cloudya-up's default, or what an external suite (CLOUDYA_GATEWAY_URL) was given
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return config;
    }

    private static String type(String envelope) {
        Matcher type = TYPE.matcher(envelope);
        return type.find() ? type.group(1) : "unknown";
    }

    private static String traceparent(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader("traceparent");
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

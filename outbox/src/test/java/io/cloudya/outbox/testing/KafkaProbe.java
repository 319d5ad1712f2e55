package io.cloudya.outbox.testing;

import static org.assertj.core.api.Assertions.fail;

import io.cloudya.contracts.Event;
import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.EventJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

/**
 * Shared by the services' integration tests (published in the outbox test-jar).
 * Reads the given single-partition topics from the beginning and finds events the test is waiting for.
 */
public final class KafkaProbe implements AutoCloseable {

    private final Consumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    public KafkaProbe(EmbeddedKafkaBroker broker, String... topics) {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "probe", false);
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = java.util.Arrays.stream(topics).map(t -> new TopicPartition(t, 0)).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** The first record on {@code topic} whose envelope matches; fails after {@code timeout}. */
    public ConsumerRecord<String, String> await(String topic, Predicate<EventEnvelope<Event>> match, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            var found = matching(topic, match);
            if (!found.isEmpty()) {
                return found.getFirst();
            }
            consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
        }
        return fail("no matching event on " + topic + " within " + timeout);
    }

    /** Reads whatever arrives within {@code period}. */
    public void drain(Duration period) {
        Instant deadline = Instant.now().plus(period);
        while (Instant.now().isBefore(deadline)) {
            consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
        }
    }

    /** Every record seen so far on {@code topic} whose envelope matches. */
    public List<ConsumerRecord<String, String>> matching(String topic, Predicate<EventEnvelope<Event>> match) {
        return seen.stream().filter(r -> r.topic().equals(topic)).filter(r -> match.test(EventJson.read(r.value())))
                .toList();
    }

    public static EventEnvelope<Event> envelope(ConsumerRecord<String, String> record) {
        return EventJson.read(record.value());
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}

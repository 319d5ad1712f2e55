package io.cloudya.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.errors.TimeoutException;
import java.util.UUID;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.kafka.core.KafkaTemplate;

class KafkaFastPathTest {

    private final MockProducer<String, String> producer =
            new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
    // sends on the calling thread here, so the record is in the history when publish returns
    private final List<UUID> delivered = new CopyOnWriteArrayList<>();
    private final KafkaFastPath fastPath = new KafkaFastPath(new KafkaTemplate<>(() -> producer),
            new SimpleMeterRegistry(), Runnable::run, delivered::add);

    @Test
    void shouldSendTheWritersTraceparentAsHeaderBesideIdAndType() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        UUID id = UUID.randomUUID();

        fastPath.publish(new OutboxMessage("user.events", "user-1", id, "UserRegistered", "{}", traceparent));

        ProducerRecord<String, String> sent = producer.history().getFirst();
        assertThat(header(sent, "id")).isEqualTo(id.toString());
        assertThat(header(sent, "eventType")).isEqualTo("UserRegistered");
        assertThat(header(sent, "traceparent")).isEqualTo(traceparent);
    }

    @Test
    void shouldSendNoTraceparentHeaderForAnUntracedEvent() {
        fastPath.publish(new OutboxMessage("user.events", "user-2", UUID.randomUUID(), "UserRegistered", "{}", null));

        assertThat(producer.history().getFirst().headers().lastHeader("traceparent")).isNull();
    }

    @Test
    // the old, synchronous send would block here for good
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void neverMakesTheCommittingThreadWaitForKafka() throws Exception {
        CountDownLatch kafkaAnswers = new CountDownLatch(1);
        MockProducer<String, String> stuck = new MockProducer<>(true, null, new StringSerializer(),
                new StringSerializer()) {
            @Override
            public java.util.concurrent.Future<org.apache.kafka.clients.producer.RecordMetadata> send(
                    ProducerRecord<String, String> record, org.apache.kafka.clients.producer.Callback callback) {
                // as a producer fetching metadata from an unreachable broker does; not holding the mock's monitor,
                // which history() needs
                awaitQuietly(kafkaAnswers);
                return super.send(record, callback);
            }
        };
        var realFastPath = new KafkaFastPath(new KafkaTemplate<>(() -> stuck), new SimpleMeterRegistry(),
                delivered::add);

        realFastPath.publish(new OutboxMessage("user.events", "user-3", UUID.randomUUID(), "UserRegistered", "{}",
                null));

        assertThat(stuck.history()).as("publish returned before Kafka took the record").isEmpty();
        kafkaAnswers.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> stuck.history().size() == 1);
    }

    @Test
    void reportsAsDeliveredOnlyTheSendsKafkaAcknowledged() {
        MockProducer<String, String> manual = new SharedMockProducer(false);
        var manualFastPath = new KafkaFastPath(new KafkaTemplate<>(() -> manual), new SimpleMeterRegistry(),
                Runnable::run, delivered::add);
        UUID acknowledged = UUID.randomUUID();
        UUID refused = UUID.randomUUID();

        manualFastPath.publish(new OutboxMessage("user.events", "user-4", acknowledged, "UserRegistered", "{}", null));
        manualFastPath.publish(new OutboxMessage("user.events", "user-4", refused, "UserRegistered", "{}", null));
        assertThat(delivered).as("nothing is acknowledged yet").isEmpty();
        assertThat(manual.history()).hasSize(2);
        assertThat(manual.completeNext()).isTrue();
        assertThat(manual.errorNext(new TimeoutException("broker gone"))).isTrue();

        await().atMost(Duration.ofSeconds(5)).until(() -> !delivered.isEmpty());
        assertThat(delivered).containsExactly(acknowledged);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String header(ProducerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}

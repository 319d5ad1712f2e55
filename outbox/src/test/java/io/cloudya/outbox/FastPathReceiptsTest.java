package io.cloudya.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;

class FastPathReceiptsTest {

    private final MockProducer<String, String> producer = new SharedMockProducer(true);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final FastPathReceipts receipts = new FastPathReceipts(new KafkaTemplate<>(() -> producer),
            "outbox.delivered", Duration.ofMillis(200), timer);

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    @Test
    void sendsTheReceiptsOfOneWindowAsOneRecord() {
        List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

        ids.forEach(receipts);

        await().atMost(Duration.ofSeconds(5)).until(() -> !producer.history().isEmpty());
        ProducerRecord<String, String> sent = producer.history().getFirst();
        assertThat(sent.topic()).isEqualTo("outbox.delivered");
        assertThat(Arrays.stream(sent.value().split(",")).map(UUID::fromString)).containsExactlyElementsOf(ids);
        assertThat(producer.history()).hasSize(1);
    }

    @Test
    void startsAFreshWindowForReceiptsAfterAFlush() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        receipts.accept(first);
        await().atMost(Duration.ofSeconds(5)).until(() -> producer.history().size() == 1);
        receipts.accept(second);

        await().atMost(Duration.ofSeconds(5)).until(() -> producer.history().size() == 2);
        assertThat(producer.history()).extracting(ProducerRecord::value)
                .containsExactly(first.toString(), second.toString());
    }
}

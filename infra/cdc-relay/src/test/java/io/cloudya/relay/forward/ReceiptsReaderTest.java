package io.cloudya.relay.forward;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReceiptsReaderTest {

    private static final String TOPIC = "outbox.delivered";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);

    private final MockConsumer<String, String> consumer = new MockConsumer<>("earliest") {
        // not implemented by MockConsumer; no receipt is that old here, so every partition starts at its end
        @Override
        public synchronized Map<TopicPartition, OffsetAndTimestamp> offsetsForTimes(
                Map<TopicPartition, Long> timestamps) {
            Map<TopicPartition, OffsetAndTimestamp> none = new HashMap<>();
            timestamps.keySet().forEach(partition -> none.put(partition, null));
            return none;
        }
    };
    private final ReceiptsReader reader = new ReceiptsReader(() -> consumer, TOPIC, Duration.ofSeconds(30));

    @BeforeEach
    void start() {
        consumer.updatePartitions(TOPIC, List.of(new PartitionInfo(TOPIC, 0, null, null, null)));
        consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
        consumer.updateEndOffsets(Map.of(PARTITION, 0L));
        reader.start();
    }

    @AfterEach
    void stop() {
        reader.stop();
    }

    @Test
    void waitsForAReceiptThatArrivesBeforeTheDeadline() throws Exception {
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> await("event-2", 10_000));
        Thread.sleep(200);
        assertThat(waiting).as("no receipt yet").isNotDone();

        consumer.schedulePollTask(() -> consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, 0, null, "event-1,event-2")));

        assertThat(waiting.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(await("event-1", 0)).as("a receipt already read answers at once").isTrue();
    }

    @Test
    void answersNotDeliveredOnceTheDeadlinePassesWithoutAReceipt() {
        long started = System.currentTimeMillis();

        assertThat(await("never-reported", 300)).isFalse();
        assertThat(System.currentTimeMillis() - started).isGreaterThanOrEqualTo(300);
    }

    private boolean await(String eventId, long waitMillis) {
        try {
            return reader.awaitDelivered(eventId, System.currentTimeMillis() + waitMillis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}

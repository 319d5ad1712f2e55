package io.cloudya.relay.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class OutboxRecordForwarderTest {

    private final List<RecordChangeEvent<SourceRecord>> marked = new CopyOnWriteArrayList<>();

    @Test
    void quiesceWaitsForTheBatchInFlightToBeAcknowledgedAndMarked() throws Exception {
        MockProducer<String, String> kafka = producer(false);
        OutboxRecordForwarder forwarder = new OutboxRecordForwarder(kafka, new SimpleMeterRegistry(), "db",
                DeliveryReceipts.NONE, Duration.ZERO);
        List<RecordChangeEvent<SourceRecord>> batch = List.of(event("a"), event("b"));

        CompletableFuture<Void> handling = CompletableFuture.runAsync(() -> handle(forwarder, batch));
        await().atMost(Duration.ofSeconds(5)).until(() -> kafka.history().size() == 2);
        CompletableFuture<Void> quiescing = CompletableFuture.runAsync(() -> quiesce(forwarder));

        Thread.sleep(200);
        assertThat(quiescing).as("quiesce returns only once the batch is marked").isNotDone();
        kafka.completeNext();
        kafka.completeNext();
        quiescing.get();
        handling.get();
        assertThat(marked).containsExactlyElementsOf(batch);
    }

    @Test
    void holdsBackLaterBatchesUnsentAndUnmarkedUntilResumed() throws Exception {
        MockProducer<String, String> kafka = producer(true);
        OutboxRecordForwarder forwarder = new OutboxRecordForwarder(kafka, new SimpleMeterRegistry(), "db",
                DeliveryReceipts.NONE, Duration.ZERO);
        forwarder.quiesce(Duration.ofSeconds(1));

        RecordChangeEvent<SourceRecord> held = event("held");
        handle(forwarder, List.of(held));
        assertThat(kafka.history()).isEmpty();
        assertThat(marked).isEmpty();

        forwarder.resume();
        handle(forwarder, List.of(held));
        assertThat(kafka.history()).hasSize(1);
        assertThat(marked).containsExactly(held);
    }

    @Test
    void sendsNoCopyOfAnEventTheFastPathDeliveredYetMarksItProcessed() throws Exception {
        MockProducer<String, String> kafka = producer(true);
        DeliveryReceipts onlyA = (eventId, deadline) -> "id-a".equals(eventId);
        OutboxRecordForwarder forwarder = new OutboxRecordForwarder(kafka, new SimpleMeterRegistry(), "db", onlyA,
                Duration.ofMillis(100));
        List<RecordChangeEvent<SourceRecord>> batch = List.of(event("a", "id-a"), event("b", "id-b"));

        handle(forwarder, batch);

        assertThat(kafka.history()).extracting(record -> record.value()).containsExactly("b");
        assertThat(marked).containsExactlyElementsOf(batch);
    }

    @Test
    void waitsForAMissingReceiptAtMostTheReceiptWaitPerBatch() throws Exception {
        MockProducer<String, String> kafka = producer(true);
        List<Long> deadlines = new CopyOnWriteArrayList<>();
        DeliveryReceipts never = (eventId, deadline) -> deadlines.add(deadline) && false;
        OutboxRecordForwarder forwarder = new OutboxRecordForwarder(kafka, new SimpleMeterRegistry(), "db", never,
                Duration.ofMillis(300));
        long before = System.currentTimeMillis();

        handle(forwarder, List.of(event("a", "id-a"), event("b", "id-b")));

        assertThat(kafka.history()).extracting(record -> record.value()).containsExactly("a", "b");
        assertThat(deadlines).hasSize(2).allSatisfy(deadline ->
                assertThat(deadline).isEqualTo(deadlines.getFirst()).isBetween(before + 300,
                        System.currentTimeMillis() + 300));
    }

    private void handle(OutboxRecordForwarder forwarder, List<RecordChangeEvent<SourceRecord>> batch) {
        try {
            forwarder.handleBatch(batch, new RecordingCommitter());
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void quiesce(OutboxRecordForwarder forwarder) {
        try {
            forwarder.quiesce(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MockProducer<String, String> producer(boolean autoComplete) {
        return new MockProducer<>(autoComplete, null, new StringSerializer(), new StringSerializer());
    }

    private static RecordChangeEvent<SourceRecord> event(String value) {
        SourceRecord record = new SourceRecord(Map.of(), Map.of(), "topic", null, null, "key", null, value);
        return () -> record;
    }

    private static RecordChangeEvent<SourceRecord> event(String value, String eventId) {
        SourceRecord record = new SourceRecord(Map.of(), Map.of(), "topic", null, null, "key", null, value, null,
                new ConnectHeaders().addString("id", eventId));
        return () -> record;
    }

    private final class RecordingCommitter implements DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> {
        @Override
        public void markProcessed(RecordChangeEvent<SourceRecord> record) {
            marked.add(record);
        }

        @Override
        public void markBatchFinished() {
        }

        @Override
        public void markProcessed(RecordChangeEvent<SourceRecord> record, DebeziumEngine.Offsets offsets) {
            marked.add(record);
        }

        @Override
        public DebeziumEngine.Offsets buildOffsets() {
            return null;
        }
    }
}

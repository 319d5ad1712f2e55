package io.cloudya.relay.forward;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards one engine's batches to Kafka, at least once: every record of a batch is sent, every send is
 * acknowledged, and only then are the records marked processed (so their offsets may be saved and the
 * replication slot may advance). A failed send fails the batch; the engine restarts from the saved offsets.
 * A graceful stop sends nothing twice ({@link ForwardGate}); after a crash the last batch may be sent again, and
 * consumers skip it by event id.
 *
 * <p>An event whose receipt says the service's fast path already delivered it is not sent again (marked processed
 * all the same): Kafka acknowledged it. A receipt usually arrives before the relay reads the event; one that has not
 * is waited for up to {@code receiptWait} per batch, then the copy is sent, so a failed fast path still delivers.
 */
public class OutboxRecordForwarder implements DebeziumEngine.ChangeConsumer<RecordChangeEvent<SourceRecord>> {

    private static final Logger log = LoggerFactory.getLogger(OutboxRecordForwarder.class);

    private final Producer<String, String> producer;
    private final ForwardMetrics metrics;
    private final ForwardGate gate = new ForwardGate();
    private final String database;
    private final DeliveryReceipts receipts;
    private final Duration receiptWait;

    public OutboxRecordForwarder(Producer<String, String> producer, MeterRegistry registry, String database,
                                 DeliveryReceipts receipts, Duration receiptWait) {
        this.producer = producer;
        this.metrics = new ForwardMetrics(registry, database);
        this.database = database;
        this.receipts = receipts;
        this.receiptWait = receiptWait;
    }

    @Override
    public void handleBatch(List<RecordChangeEvent<SourceRecord>> batch,
                            DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer)
            throws InterruptedException {
        if (!gate.enter()) {
            return;
        }
        try {
            forward(batch, committer);
        } finally {
            gate.leave();
        }
    }

    /** Lets batches through again; called before the engine starts. */
    public void resume() {
        gate.open();
    }

    /**
     * Lets the batch in flight finish and holds back later ones, so that the engine can then close without
     * interrupting a batch half sent. Waits at most {@code patience} for a send that is stuck.
     */
    public void quiesce(Duration patience) throws InterruptedException {
        if (!gate.close(patience)) {
            log.warn("A batch for {} is still being sent; it may be sent again after the restart", database);
        }
    }

    private void forward(List<RecordChangeEvent<SourceRecord>> batch,
                         DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer)
            throws InterruptedException {
        List<Future<RecordMetadata>> sends = new ArrayList<>(batch.size());
        List<String> values = new ArrayList<>(batch.size());
        long receiptDeadline = System.currentTimeMillis() + receiptWait.toMillis();
        for (RecordChangeEvent<SourceRecord> event : batch) {
            SourceRecord source = event.record();
            // Tombstones and deletes carry nothing to publish; they are still marked processed below.
            if (source.value() == null) {
                continue;
            }
            ProducerRecord<String, String> record = OutboxRecordMapper.toProducerRecord(source);
            if (receipts.awaitDelivered(OutboxRecordMapper.eventId(record), receiptDeadline)) {
                metrics.recordSkipped(record.value());
            } else {
                sends.add(producer.send(record));
                values.add(record.value());
            }
        }
        awaitAll(sends);
        values.forEach(metrics::recordForwarded);
        for (RecordChangeEvent<SourceRecord> event : batch) {
            committer.markProcessed(event);
        }
        committer.markBatchFinished();
    }

    private static void awaitAll(List<Future<RecordMetadata>> sends) throws InterruptedException {
        for (Future<RecordMetadata> send : sends) {
            try {
                send.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("Kafka did not accept an outbox record; batch not committed",
                        e.getCause());
            }
        }
    }
}

package io.cloudya.relay.forward;

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

/**
 * Forwards one engine's batches to Kafka, at least once: every record of a batch is sent, every send is
 * acknowledged, and only then are the records marked processed (so their offsets may be saved and the
 * replication slot may advance). A failed send fails the batch; the engine restarts from the saved offsets.
 */
public class OutboxRecordForwarder implements DebeziumEngine.ChangeConsumer<RecordChangeEvent<SourceRecord>> {

    private final Producer<String, String> producer;
    private final ForwardMetrics metrics;

    public OutboxRecordForwarder(Producer<String, String> producer, MeterRegistry registry, String database) {
        this.producer = producer;
        this.metrics = new ForwardMetrics(registry, database);
    }

    @Override
    public void handleBatch(List<RecordChangeEvent<SourceRecord>> batch,
                            DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer)
            throws InterruptedException {
        List<Future<RecordMetadata>> sends = new ArrayList<>(batch.size());
        List<String> values = new ArrayList<>(batch.size());
        for (RecordChangeEvent<SourceRecord> event : batch) {
            SourceRecord source = event.record();
            // Tombstones and deletes carry nothing to publish; they are still marked processed below.
            if (source.value() != null) {
                ProducerRecord<String, String> record = OutboxRecordMapper.toProducerRecord(source);
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

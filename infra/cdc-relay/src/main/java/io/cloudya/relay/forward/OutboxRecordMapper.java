package io.cloudya.relay.forward;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Turns a record routed by Debezium's Outbox Event Router into the Kafka message consumers expect:
 * key = aggregateid, value = the payload column's JSON text, headers {@code id} and {@code eventType}.
 * Debezium's own {@code __debezium.*} headers are internal and dropped.
 */
final class OutboxRecordMapper {

    private static final String DEBEZIUM_HEADER_PREFIX = "__debezium";

    private OutboxRecordMapper() {
    }

    static ProducerRecord<String, String> toProducerRecord(SourceRecord source) {
        List<Header> headers = new ArrayList<>();
        for (org.apache.kafka.connect.header.Header header : source.headers()) {
            if (!header.key().startsWith(DEBEZIUM_HEADER_PREFIX) && header.value() != null) {
                headers.add(new RecordHeader(header.key(),
                        header.value().toString().getBytes(StandardCharsets.UTF_8)));
            }
        }
        // The partition is left to the producer: hashing the key keeps one user's events in order.
        return new ProducerRecord<>(source.topic(), null, asString(source.key()), asString(source.value()), headers);
    }

    /** The event id the router put in the {@code id} header, or null. */
    static String eventId(ProducerRecord<String, String> record) {
        var header = record.headers().lastHeader("id");
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String asString(Object value) {
        return value == null ? null : value.toString();
    }
}

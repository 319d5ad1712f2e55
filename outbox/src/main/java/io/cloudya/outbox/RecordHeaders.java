package io.cloudya.outbox;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** The headers both the fast path and the relay put on every event record, read as text. */
public final class RecordHeaders {

    /** The event's id (the envelope's {@code id}): what dedup keys on. */
    public static final String ID = "id";
    /** The event's type name (the envelope's {@code type}). */
    public static final String EVENT_TYPE = "eventType";

    private RecordHeaders() {
    }

    /** The last value of header {@code name} as UTF-8 text; null when the record has none. */
    public static String text(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * True when the record's {@code eventType} header names a type outside {@code types}: a listener drops such a
     * record before parsing it. A record without the header is not ignorable (it is parsed and judged by payload).
     */
    public static boolean typeOutside(ConsumerRecord<?, ?> record, Set<String> types) {
        String type = text(record, EVENT_TYPE);
        return type != null && !types.contains(type);
    }

    /** The record's event type, or {@code "unknown"} for a record without one (a metric tag never takes null). */
    public static String eventType(ConsumerRecord<?, ?> record) {
        String type = text(record, EVENT_TYPE);
        return type == null ? "unknown" : type;
    }
}

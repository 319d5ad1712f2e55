package io.cloudya.relay.support;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Small readers for the relayed messages' headers. */
public final class Records {

    private Records() {
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static boolean hasId(ConsumerRecord<String, String> record, UUID id) {
        return id.toString().equals(header(record, "id"));
    }
}

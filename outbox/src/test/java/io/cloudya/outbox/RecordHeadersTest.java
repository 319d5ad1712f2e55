package io.cloudya.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class RecordHeadersTest {

    private static final Set<String> WANTED = Set.of("TokensReserved", "TokensRejected");

    @Test
    void typeNamedInTheHeaderButNotWantedIsOutside() {
        assertThat(RecordHeaders.typeOutside(record("ReservationSettled"), WANTED)).isTrue();
    }

    @Test
    void wantedTypeIsNotOutside() {
        assertThat(RecordHeaders.typeOutside(record("TokensReserved"), WANTED)).isFalse();
    }

    @Test
    void recordWithoutTypeHeaderIsParsedRatherThanDropped() {
        assertThat(RecordHeaders.typeOutside(new ConsumerRecord<>("t", 0, 0, "k", "{}"), WANTED)).isFalse();
    }

    private static ConsumerRecord<String, String> record(String type) {
        var record = new ConsumerRecord<>("t", 0, 0, "k", "{}");
        record.headers().add(RecordHeaders.EVENT_TYPE, type.getBytes(StandardCharsets.UTF_8));
        return record;
    }
}

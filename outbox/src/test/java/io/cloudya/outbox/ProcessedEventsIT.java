package io.cloudya.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest(classes = OutboxTestApplication.class)
class ProcessedEventsIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = TestDatabase.recreate("cloudya_processed_it");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.flyway.locations", () -> "classpath:db/outbox");
    }

    @Autowired ProcessedEvents processed;
    @Autowired TransactionTemplate tx;
    @Autowired JdbcClient jdbc;

    @Test
    void acceptsFirstDeliveryAndSkipsDuplicate() {
        UUID eventId = UUID.randomUUID();

        boolean first = mark("ai-worker", eventId);
        boolean second = mark("ai-worker", eventId);

        assertThat(first).isTrue();
        assertThat(second).isFalse();
    }

    @Test
    void sameEventIsFirstDeliveryForEachConsumerGroup() {
        UUID eventId = UUID.randomUUID();

        assertThat(mark("token-service", eventId)).isTrue();
        assertThat(mark("command-service", eventId)).isTrue();
    }

    @Test
    void forgetsDeliveryWhoseEffectRolledBack() {
        UUID eventId = UUID.randomUUID();

        tx.executeWithoutResult(status -> {
            processed.markFirstDelivery("ai-worker", eventId);
            status.setRollbackOnly();
        });

        assertThat(mark("ai-worker", eventId)).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM processed_event WHERE event_id = :id")
                .param("id", eventId).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void knowsACommittedDeliveryFromTheRecordsIdHeader() {
        UUID eventId = UUID.randomUUID();
        var copy = record(eventId);

        tx.executeWithoutResult(status -> {
            processed.markFirstDelivery("command-service", eventId);
            assertThat(processed.appliedLately("command-service", copy)).as("before commit").isFalse();
        });

        assertThat(processed.appliedLately("command-service", copy)).isTrue();
        assertThat(processed.appliedLately("token-service", copy)).isFalse();
    }

    @Test
    void doesNotSkipACopyOfADeliveryThatRolledBack() {
        UUID eventId = UUID.randomUUID();

        tx.executeWithoutResult(status -> {
            processed.markFirstDelivery("ai-worker", eventId);
            status.setRollbackOnly();
        });

        assertThat(processed.appliedLately("ai-worker", record(eventId))).isFalse();
    }

    @Test
    void knowsADuplicateTheTableRefused() {
        UUID eventId = UUID.randomUUID();
        jdbc.sql("INSERT INTO processed_event (consumer_group, event_id) VALUES ('ai-worker', :id)")
                .param("id", eventId).update();

        assertThat(mark("ai-worker", eventId)).isFalse();
        assertThat(processed.appliedLately("ai-worker", record(eventId))).isTrue();
    }

    @Test
    void neverSkipsARecordWithoutAnIdHeader() {
        UUID eventId = UUID.randomUUID();
        mark("ai-worker", eventId);

        assertThat(processed.appliedLately("ai-worker", new ConsumerRecord<>("t", 0, 0, "k", "{}"))).isFalse();
    }

    private static ConsumerRecord<String, String> record(UUID eventId) {
        var record = new ConsumerRecord<>("t", 0, 0, "k", "{}");
        record.headers().add(RecordHeaders.ID, eventId.toString().getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private boolean mark(String group, UUID eventId) {
        return Boolean.TRUE.equals(tx.execute(status -> processed.markFirstDelivery(group, eventId)));
    }
}

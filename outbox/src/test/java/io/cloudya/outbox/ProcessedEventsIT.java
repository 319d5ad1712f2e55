package io.cloudya.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
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

    private boolean mark(String group, UUID eventId) {
        return Boolean.TRUE.equals(tx.execute(status -> processed.markFirstDelivery(group, eventId)));
    }
}

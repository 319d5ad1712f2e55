package io.cloudya.outbox;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The idempotent consumer's memory: an event id is recorded in the same transaction as its effect.
 * Insert-first on the primary key, so two concurrent deliveries cannot both pass.
 */
public class ProcessedEvents {

    private final JdbcClient jdbc;

    public ProcessedEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True on the first delivery of {@code eventId} to {@code consumerGroup}; false for a duplicate. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean markFirstDelivery(String consumerGroup, UUID eventId) {
        int inserted = jdbc.sql("""
                INSERT INTO processed_event (consumer_group, event_id) VALUES (:group, :id)
                ON CONFLICT DO NOTHING
                """)
                .param("group", consumerGroup)
                .param("id", eventId)
                .update();
        return inserted == 1;
    }
}

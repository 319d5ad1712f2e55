package io.cloudya.outbox;

import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The idempotent consumer's memory: an event id is recorded in the same transaction as its effect.
 * Insert-first on the primary key, so two concurrent deliveries cannot both pass. The ids applied lately are also
 * kept in memory ({@link RecentDeliveries}), so the relay's copy of an event is dropped before any work.
 */
public class ProcessedEvents {

    private final JdbcClient jdbc;
    private final RecentDeliveries recent;

    public ProcessedEvents(JdbcClient jdbc, RecentDeliveries recent) {
        this.jdbc = jdbc;
        this.recent = recent;
    }

    /**
     * True when this record's event was certainly applied already by {@code consumerGroup} in this JVM: the caller
     * may skip it without parsing it. False means "not known here", never "first": the table still decides.
     */
    public boolean appliedLately(String consumerGroup, ConsumerRecord<?, ?> record) {
        return recent.contains(consumerGroup, RecordHeaders.text(record, RecordHeaders.ID));
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
        if (inserted == 0) {
            // the row that made it a duplicate is committed: ON CONFLICT waited for its transaction
            recent.remember(consumerGroup, eventId.toString());
            return false;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                recent.remember(consumerGroup, eventId.toString());
            }
        });
        return true;
    }
}

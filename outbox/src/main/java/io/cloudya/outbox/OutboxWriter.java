package io.cloudya.outbox;

import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.EventJson;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes an event to this service's own {@code outbox} table inside the caller's transaction.
 * The CDC relay publishes the committed row: that is the guarantee. Right after commit the event is also
 * handed to the {@link OutboxFastPath}, which shortens the answer's path; consumers skip the duplicate by id.
 * Both copies carry the writer's trace ({@link OutboxTraceContext}), so the consumer continues it.
 */
public class OutboxWriter {

    private final JdbcClient jdbc;
    private final OutboxFastPath fastPath;
    private final OutboxTraceContext trace;

    /** A writer whose events carry no trace (tests, or no tracing in the application). */
    public OutboxWriter(JdbcClient jdbc, OutboxFastPath fastPath) {
        this(jdbc, fastPath, OutboxTraceContext.NONE);
    }

    public OutboxWriter(JdbcClient jdbc, OutboxFastPath fastPath, OutboxTraceContext trace) {
        this.jdbc = jdbc;
        this.fastPath = fastPath;
        this.trace = trace;
    }

    /**
     * Appends {@code event} for {@code topic}; {@code aggregateType} is the lower-kebab aggregate name
     * ({@code command}, {@code ai-job}). Must run inside the transaction that changes the state.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(String topic, String aggregateType, EventEnvelope<?> event) {
        String json = EventJson.write(event);
        String traceparent = trace.currentTraceparent();
        jdbc.sql("""
                INSERT INTO outbox (id, aggregatetype, aggregateid, type, topic, payload, occurred_at, traceparent)
                VALUES (:id, :aggregateType, :aggregateId, :type, :topic, CAST(:payload AS jsonb), :occurredAt,
                        :traceparent)
                """)
                .param("id", event.id())
                .param("aggregateType", aggregateType)
                .param("aggregateId", event.key())
                .param("type", event.type())
                .param("topic", topic)
                .param("payload", json)
                .param("occurredAt", Timestamp.from(event.occurredAt()))
                .param("traceparent", traceparent)
                .update();
        // The relay reads the insert from the WAL; deleting in the same transaction keeps the table empty.
        jdbc.sql("DELETE FROM outbox WHERE id = :id").param("id", event.id()).update();
        publishAfterCommit(new OutboxMessage(topic, event.key(), event.id(), event.type(), json, traceparent));
    }

    private void publishAfterCommit(OutboxMessage message) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                fastPath.publish(message);
            }
        });
    }
}

package io.cloudya.billing.webhook;

import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Every verified event, stored with its raw payload before anything acts on it. */
@Repository
class WebhookLog {

    private final JdbcClient jdbc;

    WebhookLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Insert-first on the event id: true for the first delivery. A concurrent duplicate waits on the primary key
     * until the first transaction ends, then sees the conflict, so two deliveries never both act.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean storeFirst(WebhookEvent event, String payload) {
        return jdbc.sql("""
                INSERT INTO webhook_event (id, type, payload, stripe_created) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """)
                .params(event.id(), event.type(), payload, Timestamp.from(event.created()))
                .update() == 1;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void markOutcome(String eventId, WebhookOutcome outcome) {
        jdbc.sql("UPDATE webhook_event SET outcome = ? WHERE id = ?").params(outcome.wireName(), eventId).update();
    }
}

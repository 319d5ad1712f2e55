package io.cloudya.billing.subscription;

import io.cloudya.contracts.Event;
import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.billing.SubscriptionCanceled;
import io.cloudya.contracts.billing.SubscriptionChanged;
import io.cloudya.contracts.billing.SubscriptionRenewed;
import io.cloudya.contracts.billing.SubscriptionStarted;
import io.cloudya.outbox.OutboxWriter;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** Subscription facts out through the outbox, in the caller's transaction; traceId = the Stripe event id. */
@Component
public class SubscriptionEvents {

    private static final String AGGREGATE = "subscription";

    private final OutboxWriter outbox;

    public SubscriptionEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    void started(SubscriptionRow row, Plan plan, Instant periodStart, Instant periodEnd, String trace) {
        append(row.userId(), trace,
                new SubscriptionStarted(row.userId(), plan.wireName(), row.id(), periodStart, periodEnd));
    }

    void renewed(SubscriptionRow row, Plan plan, String invoiceId, Instant periodStart, Instant periodEnd,
                 String trace) {
        append(row.userId(), trace, new SubscriptionRenewed(
                row.userId(), plan.wireName(), row.id(), invoiceId, periodStart, periodEnd));
    }

    void changed(SubscriptionRow row, Plan to, boolean immediate, Instant effectiveAt, String trace) {
        append(row.userId(), trace, new SubscriptionChanged(
                row.userId(), row.plan().wireName(), to.wireName(), row.id(), immediate, effectiveAt));
    }

    void canceled(SubscriptionRow row, String reason, Instant effectiveAt, String trace) {
        String plan = row.plan() == null ? Plan.FREE.wireName() : row.plan().wireName();
        append(row.userId(), trace, new SubscriptionCanceled(row.userId(), plan, row.id(), reason, effectiveAt));
    }

    private void append(String userId, String trace, Event payload) {
        outbox.append(Topics.SUBSCRIPTION_EVENTS, AGGREGATE, EventEnvelope.of(userId, trace, payload));
    }
}

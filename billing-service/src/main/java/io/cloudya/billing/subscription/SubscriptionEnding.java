package io.cloudya.billing.subscription;

import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Ends a subscription exactly once, whoever notices first (a Stripe status event, the deletion, or dunning).
 * A subscription that never started ends silently: the account never left Free.
 */
@Component
public class SubscriptionEnding {

    public static final String CANCELED = "canceled";
    public static final String PAYMENT_FAILED = "payment_failed";

    private final SubscriptionRepository subscriptions;
    private final SubscriptionEvents events;

    public SubscriptionEnding(SubscriptionRepository subscriptions, SubscriptionEvents events) {
        this.subscriptions = subscriptions;
        this.events = events;
    }

    /** {@code row} must be locked by the caller's transaction. */
    public void end(SubscriptionRow row, String reason, Instant effectiveAt, String trace) {
        if (row.ended()) {
            return;
        }
        subscriptions.markEnded(row.id(), reason, effectiveAt);
        if (row.started()) {
            events.canceled(row, reason, effectiveAt, trace);
        }
    }
}

package io.cloudya.billing.subscription;

import io.cloudya.billing.config.BillingProperties;
import org.springframework.stereotype.Component;

/** Answers from our own state (kept current by webhooks), so it works while Stripe is slow or down. */
@Component
public class SubscriptionQuery {

    private final SubscriptionRepository subscriptions;
    private final BillingProperties properties;

    SubscriptionQuery(SubscriptionRepository subscriptions, BillingProperties properties) {
        this.subscriptions = subscriptions;
        this.properties = properties;
    }

    public SubscriptionView of(String userId) {
        return subscriptions.currentOf(userId).filter(s -> !s.ended() && s.plan() != null)
                .map(this::view).orElseGet(SubscriptionView::free);
    }

    private SubscriptionView view(SubscriptionRow s) {
        // the catalog price is what the next renewal charges; Stripe may add tax or prorations on top
        var next = s.cancelAtPeriodEnd() || s.periodEnd() == null ? null : new SubscriptionView.NextInvoice(
                s.periodEnd(), s.plan().priceCents(), properties.currency(), s.plan().wireName());
        return new SubscriptionView(s.plan().wireName(), s.status(), s.periodEnd(), s.cancelAtPeriodEnd(),
                s.pastDueSince(), next);
    }
}

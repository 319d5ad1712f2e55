package io.cloudya.billing.subscription;

import java.time.Instant;

/**
 * {@code GET /api/billing/subscription}: the plan billing knows of (free when none), Stripe's status,
 * the period end and the next invoice (null when nothing will be charged).
 */
public record SubscriptionView(String plan, String status, Instant currentPeriodEnd, boolean cancelAtPeriodEnd,
                               Instant pastDueSince, NextInvoice nextInvoice) {

    public record NextInvoice(Instant date, long amountCents, String currency, String plan) {
    }

    static SubscriptionView free() {
        return new SubscriptionView(Plan.FREE.wireName(), "none", null, false, null, null);
    }
}

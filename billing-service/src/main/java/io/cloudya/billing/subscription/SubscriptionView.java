package io.cloudya.billing.subscription;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * {@code GET /api/billing/subscription}: the plan billing knows of (free when none), Stripe's status,
 * the period end and the next invoice (null when nothing will be charged). snake_case on the wire like every
 * other Cloudya HTTP API; named per field so the contracts' Kafka event JSON keeps its own names.
 */
public record SubscriptionView(String plan, String status,
                               @JsonProperty("current_period_end") Instant currentPeriodEnd,
                               @JsonProperty("cancel_at_period_end") boolean cancelAtPeriodEnd,
                               @JsonProperty("past_due_since") Instant pastDueSince,
                               @JsonProperty("next_invoice") NextInvoice nextInvoice) {

    public record NextInvoice(Instant date, @JsonProperty("amount_cents") long amountCents, String currency,
                              String plan) {
    }

    static SubscriptionView free() {
        return new SubscriptionView(Plan.FREE.wireName(), "none", null, false, null, null);
    }
}

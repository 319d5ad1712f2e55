package io.cloudya.contracts.billing;

import io.cloudya.contracts.Event;
import java.time.Instant;

/** A renewal invoice was paid: a new period begins (token-service refills). */
public record SubscriptionRenewed(
        String userId, String plan, String subscriptionId, String invoiceId, Instant periodStart, Instant periodEnd)
        implements Event {
}

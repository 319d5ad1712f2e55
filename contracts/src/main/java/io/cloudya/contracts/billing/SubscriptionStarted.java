package io.cloudya.contracts.billing;

import io.cloudya.contracts.Event;
import java.time.Instant;

/** A paid subscription became active (first invoice paid). */
public record SubscriptionStarted(
        String userId, String plan, String subscriptionId, Instant periodStart, Instant periodEnd) implements Event {
}

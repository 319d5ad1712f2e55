package io.cloudya.contracts.billing;

import io.cloudya.contracts.Event;
import java.time.Instant;

/**
 * The subscription ended (canceled, or payment retries exhausted): the account falls back to Free at
 * {@code effectiveAt}. {@code reason}: {@code canceled} or {@code payment_failed}.
 */
public record SubscriptionCanceled(
        String userId, String plan, String subscriptionId, String reason, Instant effectiveAt) implements Event {
}

package io.cloudya.contracts.billing;

import io.cloudya.contracts.Event;
import java.time.Instant;

/**
 * The plan changed. {@code immediate} is true for an upgrade (applies at once), false for a downgrade
 * (applies at {@code effectiveAt}, the next period).
 */
public record SubscriptionChanged(
        String userId, String fromPlan, String toPlan, String subscriptionId, boolean immediate, Instant effectiveAt)
        implements Event {
}

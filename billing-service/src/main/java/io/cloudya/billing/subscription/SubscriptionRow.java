package io.cloudya.billing.subscription;

import java.time.Instant;

/**
 * Our state of one Stripe subscription. {@code stateAt}/{@code paymentStateAt} are the Stripe event times
 * (epoch seconds) of the newest object state and newest payment outcome applied.
 */
public record SubscriptionRow(
        String id, String userId, Plan plan, String status, Instant periodStart, Instant periodEnd,
        boolean cancelAtPeriodEnd, long stateAt, Instant paidPeriodStart, long paymentStateAt,
        Instant pastDueSince, Instant startedAt, Instant endedAt) {

    public boolean started() {
        return startedAt != null;
    }

    public boolean ended() {
        return endedAt != null;
    }
}

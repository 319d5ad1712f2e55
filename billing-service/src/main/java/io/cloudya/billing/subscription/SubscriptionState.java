package io.cloudya.billing.subscription;

import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import java.time.Instant;

/** The parts of a Stripe subscription object we keep; periods live on the item since API version basil. */
public record SubscriptionState(
        Plan plan, String status, Instant periodStart, Instant periodEnd, boolean cancelAtPeriodEnd) {

    public static SubscriptionState of(Subscription s) {
        SubscriptionItem item = s.getItems() == null || s.getItems().getData().isEmpty()
                ? null : s.getItems().getData().getFirst();
        Plan plan = item == null || item.getPrice() == null ? null
                : Plan.byLookupKey(item.getPrice().getLookupKey()).orElse(null);
        return new SubscriptionState(plan, s.getStatus(),
                item == null ? null : epoch(item.getCurrentPeriodStart()),
                item == null ? null : epoch(item.getCurrentPeriodEnd()),
                Boolean.TRUE.equals(s.getCancelAtPeriodEnd()));
    }

    /** Stripe's own verdict that the subscription is over. */
    public boolean terminal() {
        return "canceled".equals(status) || "unpaid".equals(status) || "incomplete_expired".equals(status);
    }

    private static Instant epoch(Long seconds) {
        return seconds == null ? null : Instant.ofEpochSecond(seconds);
    }
}

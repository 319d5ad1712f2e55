package io.cloudya.billing.subscription;

import com.stripe.model.Subscription;
import io.cloudya.billing.customer.UserResolver;
import io.cloudya.billing.webhook.StripeEventHandler;
import io.cloudya.billing.webhook.WebhookEvent;
import java.time.Instant;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code customer.subscription.created/updated}: keeps the newest object state (by Stripe event time; an older
 * event is skipped), announces plan changes once the subscription has started (upgrade at once, downgrade at
 * period end) and ends it when Stripe gave up collecting (unpaid, canceled, incomplete_expired).
 */
@Component
class SubscriptionUpdatedHandler implements StripeEventHandler {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionUpdatedHandler.class);

    private final UserResolver users;
    private final SubscriptionRepository subscriptions;
    private final SubscriptionEvents events;
    private final SubscriptionEnding ending;

    SubscriptionUpdatedHandler(UserResolver users, SubscriptionRepository subscriptions, SubscriptionEvents events,
                               SubscriptionEnding ending) {
        this.users = users;
        this.subscriptions = subscriptions;
        this.events = events;
        this.ending = ending;
    }

    @Override
    public Set<String> types() {
        return Set.of("customer.subscription.created", "customer.subscription.updated");
    }

    @Override
    public void handle(WebhookEvent event) {
        Subscription s = event.object(Subscription.class);
        var user = users.userOf(s.getCustomer(), s.getMetadata());
        if (user.isEmpty()) {
            log.warn("subscription {} belongs to no known user; event {} ignored", s.getId(), event.id());
            return;
        }
        SubscriptionRow row = subscriptions.lock(s.getId(), user.get());
        if (row.ended() || event.createdEpochSecond() < row.stateAt()) {
            return;
        }
        SubscriptionState state = SubscriptionState.of(s);
        subscriptions.applyObjectState(row.id(), state, event.createdEpochSecond());
        announcePlanChange(row, state, event);
        if ("past_due".equals(state.status()) && row.pastDueSince() == null) {
            subscriptions.paymentState(row.id(), event.created(), Math.max(row.paymentStateAt(), 0));
        }
        if (state.terminal()) {
            Instant endedAt = s.getEndedAt() == null ? event.created() : Instant.ofEpochSecond(s.getEndedAt());
            ending.end(row, SubscriptionReasons.of(s), endedAt, event.id());
        }
    }

    private void announcePlanChange(SubscriptionRow row, SubscriptionState state, WebhookEvent event) {
        if (!row.started() || row.plan() == null || state.plan() == null || state.plan() == row.plan()) {
            return;
        }
        boolean upgrade = state.plan().isUpgradeFrom(row.plan());
        Instant effectiveAt = upgrade || state.periodEnd() == null ? event.created() : state.periodEnd();
        events.changed(row, state.plan(), upgrade, effectiveAt, event.id());
    }
}

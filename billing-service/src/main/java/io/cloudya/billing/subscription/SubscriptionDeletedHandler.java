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

/** {@code customer.subscription.deleted}: terminal whatever order it arrives in; the account goes back to Free. */
@Component
class SubscriptionDeletedHandler implements StripeEventHandler {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionDeletedHandler.class);

    private final UserResolver users;
    private final SubscriptionRepository subscriptions;
    private final SubscriptionEnding ending;

    SubscriptionDeletedHandler(UserResolver users, SubscriptionRepository subscriptions, SubscriptionEnding ending) {
        this.users = users;
        this.subscriptions = subscriptions;
        this.ending = ending;
    }

    @Override
    public Set<String> types() {
        return Set.of("customer.subscription.deleted");
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
        if (row.ended()) {
            return;
        }
        SubscriptionState state = SubscriptionState.of(s);
        subscriptions.applyObjectState(row.id(), state, Math.max(row.stateAt(), event.createdEpochSecond()));
        Instant endedAt = s.getEndedAt() == null ? event.created() : Instant.ofEpochSecond(s.getEndedAt());
        ending.end(row, SubscriptionReasons.of(s), endedAt, event.id());
    }
}

package io.cloudya.billing.checkout;

import com.stripe.model.checkout.Session;
import io.cloudya.billing.customer.UserResolver;
import io.cloudya.billing.subscription.Plan;
import io.cloudya.billing.subscription.SubscriptionRepository;
import io.cloudya.billing.topup.TopUpPurchases;
import io.cloudya.billing.webhook.StripeEventHandler;
import io.cloudya.billing.webhook.WebhookEvent;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code checkout.session.completed} (and the late success of a delayed payment method): only a paid session
 * counts. A top-up becomes TokensPurchased; a subscription session links the subscription to the user and
 * plan, while SubscriptionStarted waits for its paid first invoice (invoice.paid).
 */
@Component
class CheckoutCompletedHandler implements StripeEventHandler {

    private static final Logger log = LoggerFactory.getLogger(CheckoutCompletedHandler.class);

    private final UserResolver users;
    private final TopUpPurchases topUps;
    private final SubscriptionRepository subscriptions;

    CheckoutCompletedHandler(UserResolver users, TopUpPurchases topUps, SubscriptionRepository subscriptions) {
        this.users = users;
        this.topUps = topUps;
        this.subscriptions = subscriptions;
    }

    @Override
    public Set<String> types() {
        return Set.of("checkout.session.completed", "checkout.session.async_payment_succeeded");
    }

    @Override
    public void handle(WebhookEvent event) {
        Session session = event.object(Session.class);
        if (!"paid".equals(session.getPaymentStatus())) {
            return;
        }
        Map<String, String> metadata = session.getMetadata() == null ? Map.of() : session.getMetadata();
        var user = users.userOf(session.getCustomer(), metadata);
        if (user.isEmpty()) {
            log.warn("checkout session {} belongs to no known user; event {} ignored", session.getId(), event.id());
            return;
        }
        if ("payment".equals(session.getMode()) && "topup".equals(metadata.get("kind"))) {
            topUps.record(session, user.get(), event);
        } else if ("subscription".equals(session.getMode()) && session.getSubscription() != null) {
            subscriptions.lock(session.getSubscription(), user.get());
            Plan.paid(metadata.get("plan")).ifPresent(p -> subscriptions.setPlanIfUnknown(session.getSubscription(), p));
        }
    }
}

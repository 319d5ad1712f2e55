package io.cloudya.billing.subscription;

import com.stripe.model.Invoice;
import io.cloudya.billing.customer.UserResolver;
import io.cloudya.billing.webhook.StripeEventHandler;
import io.cloudya.billing.webhook.WebhookEvent;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * {@code invoice.payment_failed}: the subscription is past due from the first failure on (the grace period counts
 * from there) while Stripe keeps retrying. The plan stays; a failure older than the newest payment is skipped.
 */
@Component
class InvoicePaymentFailedHandler implements StripeEventHandler {

    private final UserResolver users;
    private final SubscriptionRepository subscriptions;

    InvoicePaymentFailedHandler(UserResolver users, SubscriptionRepository subscriptions) {
        this.users = users;
        this.subscriptions = subscriptions;
    }

    @Override
    public Set<String> types() {
        return Set.of("invoice.payment_failed");
    }

    @Override
    public void handle(WebhookEvent event) {
        var found = SubscriptionInvoice.of(event.object(Invoice.class));
        if (found.isEmpty()) {
            return;
        }
        var invoice = found.get();
        var user = users.userOf(invoice.customerId(), invoice.metadata());
        if (user.isEmpty()) {
            return;
        }
        SubscriptionRow row = subscriptions.lock(invoice.subscriptionId(), user.get());
        if (row.ended() || event.createdEpochSecond() <= row.paymentStateAt()) {
            return;
        }
        var since = row.pastDueSince() == null ? event.created() : row.pastDueSince();
        subscriptions.paymentState(row.id(), since, event.createdEpochSecond());
    }
}

package io.cloudya.billing.subscription;

import com.stripe.model.Invoice;
import io.cloudya.billing.customer.UserResolver;
import io.cloudya.billing.webhook.StripeEventHandler;
import io.cloudya.billing.webhook.WebhookEvent;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code invoice.paid} for a subscription: the first paid period → SubscriptionStarted, a later period →
 * SubscriptionRenewed. A period at or before the newest one announced is never announced again, so a late or
 * repeated invoice cannot refill twice. A payment clears past-due unless a newer failure was already seen.
 */
@Component
class InvoicePaidHandler implements StripeEventHandler {

    private static final Logger log = LoggerFactory.getLogger(InvoicePaidHandler.class);
    private static final Set<String> PERIOD_REASONS = Set.of("subscription_create", "subscription_cycle");

    private final UserResolver users;
    private final SubscriptionRepository subscriptions;
    private final SubscriptionEvents events;
    private final Clock clock;

    InvoicePaidHandler(UserResolver users, SubscriptionRepository subscriptions, SubscriptionEvents events,
                       Clock clock) {
        this.users = users;
        this.subscriptions = subscriptions;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Set<String> types() {
        return Set.of("invoice.paid");
    }

    @Override
    public void handle(WebhookEvent event) {
        var found = SubscriptionInvoice.of(event.object(Invoice.class));
        // proration invoices (subscription_update) are covered by SubscriptionChanged; one-off invoices aren't ours
        if (found.isEmpty() || !PERIOD_REASONS.contains(found.get().billingReason())
                || found.get().periodStart() == null) {
            return;
        }
        SubscriptionInvoice invoice = found.get();
        var user = users.userOf(invoice.customerId(), invoice.metadata());
        if (user.isEmpty()) {
            log.warn("invoice {} belongs to no known user; event {} ignored", invoice.invoiceId(), event.id());
            return;
        }
        SubscriptionRow row = subscriptions.lock(invoice.subscriptionId(), user.get());
        if (row.ended()) {
            return;
        }
        if (event.createdEpochSecond() >= row.paymentStateAt()) {
            subscriptions.paymentState(row.id(), null, event.createdEpochSecond());
        }
        announcePeriod(row, invoice, event);
    }

    private void announcePeriod(SubscriptionRow row, SubscriptionInvoice invoice, WebhookEvent event) {
        Optional<Plan> plan = row.plan() != null ? Optional.of(row.plan()) : invoice.metadataPlan();
        if (plan.isEmpty()) {
            log.warn("invoice {} names no Cloudya plan; event {} ignored", invoice.invoiceId(), event.id());
            return;
        }
        boolean newer = row.paidPeriodStart() == null || invoice.periodStart().isAfter(row.paidPeriodStart());
        if (!newer) {
            return;
        }
        if (!row.started()) {
            events.started(row, plan.get(), invoice.periodStart(), invoice.periodEnd(), event.id());
        } else {
            events.renewed(row, plan.get(), invoice.invoiceId(), invoice.periodStart(), invoice.periodEnd(), event.id());
        }
        subscriptions.markPaidPeriod(row.id(), plan.get(), invoice.periodStart(), invoice.periodEnd(),
                clock.instant());
    }
}

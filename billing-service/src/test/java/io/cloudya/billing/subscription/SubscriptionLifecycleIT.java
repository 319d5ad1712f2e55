package io.cloudya.billing.subscription;

import static io.cloudya.billing.support.StripeEventMother.event;
import static io.cloudya.billing.support.StripeEventMother.invoice;
import static io.cloudya.billing.support.StripeEventMother.newId;
import static io.cloudya.billing.support.StripeEventMother.subscription;
import static io.cloudya.billing.support.StripeEventMother.subscriptionCheckout;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudya.billing.support.BillingIntegrationTest;
import io.cloudya.billing.support.RecordingFastPath;
import io.cloudya.billing.support.WebhookClient;
import io.cloudya.contracts.billing.SubscriptionCanceled;
import io.cloudya.contracts.billing.SubscriptionChanged;
import io.cloudya.contracts.billing.SubscriptionRenewed;
import io.cloudya.contracts.billing.SubscriptionStarted;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@BillingIntegrationTest
class SubscriptionLifecycleIT {

    static final long DAY = 86_400;

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired RecordingFastPath published;
    WebhookClient stripe;
    String user;
    String customer;
    String sub;
    long t0;

    @BeforeEach
    void newCustomer() {
        stripe = new WebhookClient(port);
        user = "user-" + newId("u");
        customer = newId("cus");
        sub = newId("sub");
        t0 = System.currentTimeMillis() / 1000 - 40 * DAY;
        jdbc.sql("INSERT INTO billing_customer (user_id, stripe_customer_id) VALUES (?, ?)").params(user, customer)
                .update();
    }

    @Test
    void shouldStartSubscriptionWhenFirstInvoiceIsPaid() {
        deliver("checkout.session.completed", t0, subscriptionCheckout(newId("cs"), customer, user, sub, "starter"));
        deliver("invoice.paid", t0 + 1, firstInvoice("starter"));

        assertThat(published.payloads(user, SubscriptionStarted.class)).containsExactly(new SubscriptionStarted(
                user, "starter", sub, Instant.ofEpochSecond(t0), Instant.ofEpochSecond(t0 + 30 * DAY)));
        var view = stripe.get("/api/billing/subscription", user);
        assertThat(view.body()).contains("\"plan\":\"starter\"").contains("\"next_invoice\":{")
                .contains("\"amount_cents\":999").contains("\"current_period_end\":\"");
    }

    @Test
    void shouldRenewOnCycleInvoiceAndNeverForAnOlderPeriod() {
        deliver("invoice.paid", t0 + 1, firstInvoice("pro"));
        String renewal = newId("in");
        deliver("invoice.paid", t0 + 30 * DAY,
                invoice(renewal, customer, sub, "subscription_cycle", "pro", t0 + 30 * DAY, t0 + 60 * DAY));
        deliver("invoice.paid", t0 + 2, firstInvoice("pro"));

        assertThat(published.payloads(user, SubscriptionStarted.class)).hasSize(1);
        assertThat(published.payloads(user, SubscriptionRenewed.class)).containsExactly(new SubscriptionRenewed(
                user, "pro", sub, renewal, Instant.ofEpochSecond(t0 + 30 * DAY), Instant.ofEpochSecond(t0 + 60 * DAY)));
    }

    @Test
    void shouldAnnounceUpgradeAtOnceAndDowngradeAtPeriodEnd() {
        deliver("invoice.paid", t0 + 1, firstInvoice("starter"));
        deliver("customer.subscription.updated", t0 + 100, sub("active", "pro_monthly", false, null));
        deliver("customer.subscription.updated", t0 + 200, sub("active", "starter_monthly", false, null));

        assertThat(published.payloads(user, SubscriptionChanged.class)).containsExactly(
                new SubscriptionChanged(user, "starter", "pro", sub, true, Instant.ofEpochSecond(t0 + 100)),
                new SubscriptionChanged(user, "pro", "starter", sub, false, Instant.ofEpochSecond(t0 + 30 * DAY)));
    }

    @Test
    void shouldNeverLetAnOlderSubscriptionStateOverwriteANewerOne() {
        deliver("invoice.paid", t0 + 1, firstInvoice("starter"));
        deliver("customer.subscription.updated", t0 + 200, sub("active", "enterprise_monthly", true, null));
        deliver("customer.subscription.updated", t0 + 100, sub("active", "pro_monthly", false, null));

        assertThat(published.payloads(user, SubscriptionChanged.class)).extracting(SubscriptionChanged::toPlan)
                .containsExactly("enterprise");
        assertThat(stripe.get("/api/billing/subscription", user).body())
                .contains("\"plan\":\"enterprise\"").contains("\"cancel_at_period_end\":true");
    }

    @Test
    void shouldFallBackToFreeWhenStripeMarksSubscriptionUnpaid() {
        deliver("invoice.paid", t0 + 1, firstInvoice("pro"));
        deliver("invoice.payment_failed", t0 + 30 * DAY,
                invoice(newId("in"), customer, sub, "subscription_cycle", "pro", t0 + 30 * DAY, t0 + 60 * DAY));
        assertThat(stripe.get("/api/billing/subscription", user).body()).contains("\"plan\":\"pro\"")
                .contains("\"past_due_since\":\"");

        deliver("customer.subscription.updated", t0 + 37 * DAY, sub("unpaid", "pro_monthly", false, null));
        deliver("customer.subscription.deleted", t0 + 38 * DAY, sub("canceled", "pro_monthly", false, "payment_failed"));

        assertThat(published.payloads(user, SubscriptionCanceled.class)).containsExactly(new SubscriptionCanceled(
                user, "pro", sub, "payment_failed", Instant.ofEpochSecond(t0 + 37 * DAY)));
        assertThat(stripe.get("/api/billing/subscription", user).body()).contains("\"plan\":\"free\"");
    }

    @Test
    void shouldCancelBackToFreeWhenSubscriptionIsDeleted() {
        deliver("invoice.paid", t0 + 1, firstInvoice("starter"));
        deliver("customer.subscription.deleted", t0 + 300, sub("canceled", "starter_monthly", false,
                "cancellation_requested"));

        assertThat(published.payloads(user, SubscriptionCanceled.class)).extracting(SubscriptionCanceled::reason)
                .containsExactly("canceled");
    }

    @Test
    void shouldStaySilentWhenSubscriptionEndsBeforeItEverStarted() {
        deliver("customer.subscription.deleted", t0 + 300, sub("canceled", "starter_monthly", false, null));
        deliver("invoice.paid", t0 + 1, firstInvoice("starter"));

        assertThat(published.forUser(user)).isEmpty();
    }

    private String firstInvoice(String plan) {
        return invoice("in_first_" + sub, customer, sub, "subscription_create", plan, t0, t0 + 30 * DAY);
    }

    private String sub(String status, String lookupKey, boolean cancelAtPeriodEnd, String reason) {
        return subscription(sub, customer, status, lookupKey, t0, t0 + 30 * DAY, cancelAtPeriodEnd, reason);
    }

    private void deliver(String type, long created, String object) {
        var response = stripe.deliver(event(newId("evt"), type, created, object));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}

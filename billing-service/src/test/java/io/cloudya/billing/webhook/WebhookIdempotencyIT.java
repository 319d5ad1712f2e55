package io.cloudya.billing.webhook;

import static io.cloudya.billing.support.StripeEventMother.charge;
import static io.cloudya.billing.support.StripeEventMother.event;
import static io.cloudya.billing.support.StripeEventMother.invoice;
import static io.cloudya.billing.support.StripeEventMother.newId;
import static io.cloudya.billing.support.StripeEventMother.subscription;
import static io.cloudya.billing.support.StripeEventMother.subscriptionCheckout;
import static io.cloudya.billing.support.StripeEventMother.topUpCheckout;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudya.billing.support.BillingIntegrationTest;
import io.cloudya.billing.support.RecordingFastPath;
import io.cloudya.billing.support.WebhookClient;
import io.cloudya.contracts.billing.PurchaseRefunded;
import io.cloudya.contracts.billing.SubscriptionChanged;
import io.cloudya.contracts.billing.SubscriptionRenewed;
import io.cloudya.contracts.billing.SubscriptionStarted;
import io.cloudya.contracts.billing.TokensPurchased;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@BillingIntegrationTest
class WebhookIdempotencyIT {

    static final long DAY = 86_400;

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired RecordingFastPath published;
    WebhookClient stripe;
    String user;
    String customer;
    long t0;

    @BeforeEach
    void newCustomer() {
        stripe = new WebhookClient(port);
        user = "user-" + newId("u");
        customer = newId("cus");
        t0 = System.currentTimeMillis() / 1000 - 70 * DAY;
        jdbc.sql("INSERT INTO billing_customer (user_id, stripe_customer_id) VALUES (?, ?)").params(user, customer)
                .update();
    }

    @Test
    void shouldApplyEachEventOnceWhenDeliveredTenTimesShuffledAndConcurrently() throws Exception {
        String sub = newId("sub");
        String renewal = newId("in");
        List<String> events = List.of(
                event(newId("evt"), "checkout.session.completed", t0,
                        subscriptionCheckout(newId("cs"), customer, user, sub, "starter")),
                event(newId("evt"), "customer.subscription.created", t0,
                        subscription(sub, customer, "active", "starter_monthly", t0, t0 + 30 * DAY, false, null)),
                event(newId("evt"), "invoice.paid", t0 + 1,
                        invoice(newId("in"), customer, sub, "subscription_create", "starter", t0, t0 + 30 * DAY)),
                event(newId("evt"), "customer.subscription.updated", t0 + 30 * DAY,
                        subscription(sub, customer, "active", "starter_monthly", t0 + 30 * DAY, t0 + 60 * DAY, false, null)),
                event(newId("evt"), "invoice.paid", t0 + 30 * DAY + 1,
                        invoice(renewal, customer, sub, "subscription_cycle", "starter", t0 + 30 * DAY, t0 + 60 * DAY)));

        deliverShuffledTenTimes(events, 11);

        assertThat(published.payloads(user, SubscriptionStarted.class)).hasSize(1);
        assertThat(published.payloads(user, SubscriptionRenewed.class)).hasSizeLessThanOrEqualTo(1);
        assertThat(published.payloads(user, SubscriptionChanged.class)).isEmpty();
        int startsAndRenewals = published.payloads(user, SubscriptionStarted.class).size()
                + published.payloads(user, SubscriptionRenewed.class).size();
        // a renewal delivered before the first invoice starts the subscription with the newer period instead
        assertThat(startsAndRenewals).isBetween(1, 2);
        assertThat(stripe.get("/api/billing/subscription", user).body()).contains("\"plan\":\"starter\"");
    }

    @Test
    void shouldBuyTokensOnceWhenTopUpIsPaidAndIgnoreUnpaidSessions() throws Exception {
        String session = newId("cs");
        String unpaid = newId("cs");
        deliverShuffledTenTimes(List.of(
                event(newId("evt"), "checkout.session.completed", t0, topUpCheckout(session, customer, user, "pi_1" + session, 5_000, "paid")),
                event(newId("evt"), "checkout.session.completed", t0, topUpCheckout(unpaid, customer, user, "pi_2" + unpaid, 9_000, "unpaid"))), 7);

        assertThat(published.payloads(user, TokensPurchased.class))
                .containsExactly(new TokensPurchased(user, session, 5_000, 500, "eur"));
    }

    @Test
    void shouldTakeBackRefundedTokensOnceWhateverTheOrder() throws Exception {
        String session = newId("cs");
        String intent = "pi_" + session;
        stripe.deliver(event(newId("evt"), "checkout.session.completed", t0,
                topUpCheckout(session, customer, user, intent, 10_000, "paid")));

        deliverShuffledTenTimes(List.of(
                event(newId("evt"), "charge.refunded", t0 + 10, charge("ch_1", intent, 1_000, 250)),
                event(newId("evt"), "charge.refunded", t0 + 20, charge("ch_1", intent, 1_000, 1_000))), 3);

        var refunds = published.payloads(user, PurchaseRefunded.class);
        assertThat(refunds.stream().mapToLong(PurchaseRefunded::tokens).sum()).isEqualTo(10_000);
        assertThat(refunds.stream().mapToLong(PurchaseRefunded::amountCents).sum()).isEqualTo(1_000);
        assertThat(refunds).hasSizeBetween(1, 2);
    }

    private void deliverShuffledTenTimes(List<String> events, long seed) throws Exception {
        List<String> deliveries = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            deliveries.addAll(events);
        }
        Collections.shuffle(deliveries, new Random(seed));
        try (var pool = Executors.newFixedThreadPool(4)) {
            var results = new ArrayList<java.util.concurrent.Future<Integer>>();
            for (String payload : deliveries) {
                results.add(pool.submit(() -> stripe.deliver(payload).statusCode()));
            }
            for (var result : results) {
                assertThat(result.get()).isEqualTo(200);
            }
        }
    }
}

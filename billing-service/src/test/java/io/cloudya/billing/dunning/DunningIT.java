package io.cloudya.billing.dunning;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.cloudya.billing.support.StripeEventMother.event;
import static io.cloudya.billing.support.StripeEventMother.invoice;
import static io.cloudya.billing.support.StripeEventMother.newId;
import static io.cloudya.billing.support.StripeEventMother.subscription;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.cloudya.billing.support.BillingIntegrationTest;
import io.cloudya.billing.support.FakeStripe;
import io.cloudya.billing.support.RecordingFastPath;
import io.cloudya.billing.support.WebhookClient;
import io.cloudya.contracts.billing.SubscriptionCanceled;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Failed payment → the plan stays through the 7-day grace period → then Free, checked against Stripe's state. */
@BillingIntegrationTest
class DunningIT {

    static final long DAY = 86_400;

    final WireMockServer fake = FakeStripe.server();
    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired RecordingFastPath published;
    @Autowired DunningJob dunning;
    WebhookClient stripe;
    String user;
    String customer;
    String sub;
    long now;

    @BeforeEach
    void paidSubscription() {
        // earlier runs' overdue rows (their subscriptions are unknown to the fake) must not fill the batch
        jdbc.sql("UPDATE subscription SET ended_at = now() WHERE ended_at IS NULL AND past_due_since IS NOT NULL")
                .update();
        stripe = new WebhookClient(port);
        user = "user-" + newId("u");
        customer = newId("cus");
        sub = newId("sub");
        now = System.currentTimeMillis() / 1000;
        jdbc.sql("INSERT INTO billing_customer (user_id, stripe_customer_id) VALUES (?, ?)").params(user, customer)
                .update();
        deliver("invoice.paid", now - 40 * DAY,
                invoice(newId("in"), customer, sub, "subscription_create", "pro", now - 40 * DAY, now - 10 * DAY));
    }

    @Test
    void shouldKeepPlanDuringGracePeriod() {
        failPaymentDaysAgo(3);

        dunning.runOnce();

        assertThat(published.payloads(user, SubscriptionCanceled.class)).isEmpty();
        assertThat(stripe.get("/api/billing/subscription", user).body()).contains("\"plan\":\"pro\"");
        assertThat(fake.findAll(getRequestedFor(urlPathEqualTo("/v1/subscriptions/" + sub)))).isEmpty();
    }

    @Test
    void shouldFallBackToFreeOnceWhenGracePassedAndStripeStillUnpaid() {
        failPaymentDaysAgo(8);
        stripeSays("past_due");
        fake.stubFor(delete(urlPathEqualTo("/v1/subscriptions/" + sub)).willReturn(okJson(
                subscription(sub, customer, "canceled", "pro_monthly", now - 10 * DAY, now + 20 * DAY, false, null))));

        dunning.runOnce();
        dunning.runOnce();

        assertThat(published.payloads(user, SubscriptionCanceled.class)).singleElement()
                .satisfies(c -> assertThat(c.reason()).isEqualTo("payment_failed"))
                .satisfies(c -> assertThat(c.plan()).isEqualTo("pro"));
        assertThat(fake.findAll(deleteRequestedFor(urlPathEqualTo("/v1/subscriptions/" + sub)))).singleElement()
                .satisfies(r -> assertThat(r.getHeader("Idempotency-Key")).isEqualTo("dunning-cancel-" + sub));
        assertThat(stripe.get("/api/billing/subscription", user).body()).contains("\"plan\":\"free\"");
    }

    @Test
    void shouldStopGraceClockWhenStripeSaysPaidAfterAll() {
        failPaymentDaysAgo(8);
        stripeSays("active");

        dunning.runOnce();

        assertThat(published.payloads(user, SubscriptionCanceled.class)).isEmpty();
        assertThat(stripe.get("/api/billing/subscription", user).body()).contains("\"plan\":\"pro\"")
                .contains("\"past_due_since\":null");
    }

    private void failPaymentDaysAgo(long days) {
        deliver("invoice.payment_failed", now - days * DAY,
                invoice(newId("in"), customer, sub, "subscription_cycle", "pro", now - 10 * DAY, now + 20 * DAY));
    }

    private void stripeSays(String status) {
        fake.stubFor(get(urlPathEqualTo("/v1/subscriptions/" + sub)).willReturn(okJson(
                subscription(sub, customer, status, "pro_monthly", now - 10 * DAY, now + 20 * DAY, false, null))));
    }

    private void deliver(String type, long created, String object) {
        assertThat(stripe.deliver(event(newId("evt"), type, created, object)).statusCode()).isEqualTo(200);
    }
}

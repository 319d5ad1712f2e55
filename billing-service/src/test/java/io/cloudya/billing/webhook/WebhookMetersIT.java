package io.cloudya.billing.webhook;

import static io.cloudya.billing.support.StripeEventMother.event;
import static io.cloudya.billing.support.StripeEventMother.newId;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudya.billing.support.BillingIntegrationTest;
import io.cloudya.billing.support.StripeSignatures;
import io.cloudya.billing.support.WebhookClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Each Stripe delivery counts under billing.webhooks by what became of it, which every 200 hides. */
@BillingIntegrationTest
class WebhookMetersIT {

    private static final String UNHANDLED = "customer.tax_id.created";

    @LocalServerPort int port;
    @Autowired MeterRegistry meters;
    WebhookClient stripe;

    @BeforeEach
    void client() {
        stripe = new WebhookClient(port);
    }

    @Test
    void shouldCountAnUnhandledTypeAsIgnoredThenItsRedeliveryAsDuplicate() {
        double ignored = count(UNHANDLED, "ignored");
        double duplicates = count(UNHANDLED, "duplicate");
        String payload = event(newId("evt"), UNHANDLED, now(), "{\"id\":\"txi_1\",\"object\":\"tax_id\"}");

        assertThat(stripe.deliver(payload).statusCode()).isEqualTo(200);
        assertThat(stripe.deliver(payload).statusCode()).isEqualTo(200);

        assertThat(count(UNHANDLED, "ignored")).isEqualTo(ignored + 1);
        assertThat(count(UNHANDLED, "duplicate")).isEqualTo(duplicates + 1);
    }

    @Test
    void shouldCountAForgedDeliveryAsRejectedWithoutTrustingItsType() {
        double rejected = count(WebhookMeters.UNVERIFIED, "rejected");
        String payload = event(newId("evt"), "invoice.paid", now(), "{\"id\":\"in_x\",\"object\":\"invoice\"}");

        var response = stripe.deliver(payload, StripeSignatures.header(payload, now(), "whsec_someone_else"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(count(WebhookMeters.UNVERIFIED, "rejected")).isEqualTo(rejected + 1);
        assertThat(meters.find("billing.webhooks").tag("type", "invoice.paid").tag("outcome", "rejected").counter())
                .isNull();
    }

    private double count(String type, String outcome) {
        var counter = meters.find("billing.webhooks").tag("type", type).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }
}

package io.cloudya.billing.webhook;

import static io.cloudya.billing.support.StripeEventMother.event;
import static io.cloudya.billing.support.StripeEventMother.newId;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudya.billing.support.BillingIntegrationTest;
import io.cloudya.billing.support.StripeSignatures;
import io.cloudya.billing.support.WebhookClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@BillingIntegrationTest
class WebhookSecurityIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    private WebhookClient stripe;

    @BeforeEach
    void client() {
        stripe = new WebhookClient(port);
    }

    @Test
    void shouldRejectForgedSignatureAndStoreNothing() {
        String id = newId("evt");
        String payload = event(id, "invoice.paid", now(), "{\"id\":\"in_x\",\"object\":\"invoice\"}");

        var response = stripe.deliver(payload, StripeSignatures.header(payload, now(), "whsec_someone_else"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"code\":\"invalid_signature\"").contains("\"status\":400");
        assertThat(stored(id)).isZero();
    }

    @Test
    void shouldRejectTamperedPayloadSignedForOtherBytes() {
        String id = newId("evt");
        String payload = event(id, "invoice.paid", now(), "{\"id\":\"in_x\",\"object\":\"invoice\"}");
        String signature = StripeSignatures.header(payload);

        var response = stripe.deliver(payload.replace("in_x", "in_y"), signature);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(stored(id)).isZero();
    }

    @Test
    void shouldRejectStaleSignatureOutsideToleranceAndStoreNothing() {
        String id = newId("evt");
        String payload = event(id, "invoice.paid", now(), "{\"id\":\"in_x\",\"object\":\"invoice\"}");

        var response = stripe.deliver(payload, StripeSignatures.header(payload, now() - 600, StripeSignatures.SECRET));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("invalid_signature");
        assertThat(stored(id)).isZero();
    }

    @Test
    void shouldRejectMissingSignatureHeader() {
        String id = newId("evt");
        var response = stripe.deliver(event(id, "invoice.paid", now(), "{\"id\":\"in_x\"}"), null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(stored(id)).isZero();
    }

    @Test
    void shouldAcknowledgeUnknownEventTypeAndStoreItAsIgnored() {
        String id = newId("evt");
        String payload = event(id, "customer.tax_id.created", now(), "{\"id\":\"txi_1\",\"object\":\"tax_id\"}");

        var response = stripe.deliver(payload);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"outcome\":\"ignored\"");
        assertThat(jdbc.sql("SELECT outcome FROM webhook_event WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("ignored");
        assertThat(jdbc.sql("SELECT payload FROM webhook_event WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo(payload);
    }

    @Test
    void shouldAcknowledgeRedeliveryAsDuplicate() {
        String payload = event(newId("evt"), "customer.tax_id.created", now(), "{\"id\":\"txi_1\",\"object\":\"tax_id\"}");
        stripe.deliver(payload);

        var again = stripe.deliver(payload);

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("\"outcome\":\"duplicate\"");
    }

    private int stored(String id) {
        return jdbc.sql("SELECT count(*) FROM webhook_event WHERE id = ?").param(id).query(Integer.class).single();
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }
}

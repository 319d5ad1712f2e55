package io.cloudya.billing.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.cloudya.billing.support.BillingIntegrationTest;
import io.cloudya.billing.support.FakeStripe;
import io.cloudya.billing.support.StripeEventMother;
import io.cloudya.billing.support.WebhookClient;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@BillingIntegrationTest
class BillingApiIT {

    final WireMockServer fake = FakeStripe.server();
    @LocalServerPort int port;
    WebhookClient api;
    String user;

    @BeforeEach
    void stripeKnowsCatalogAndCustomers() {
        api = new WebhookClient(port);
        user = "user-" + StripeEventMother.newId("u");
        for (String key : List.of("starter_monthly", "pro_monthly", "enterprise_monthly")) {
            fake.stubFor(get(urlPathEqualTo("/v1/prices")).withQueryParam("lookup_keys[0]", equalTo(key))
                    .willReturn(okJson("{\"object\":\"list\",\"has_more\":false,\"url\":\"/v1/prices\",\"data\":"
                            + "[{\"id\":\"price_" + key + "\",\"object\":\"price\",\"lookup_key\":\"" + key + "\"}]}")));
        }
        fake.stubFor(post("/v1/customers").withRequestBody(containing(user))
                .willReturn(okJson("{\"id\":\"cus_" + user + "\",\"object\":\"customer\"}")));
        fake.stubFor(post("/v1/billing_portal/sessions").withRequestBody(containing("cus_" + user))
                .willReturn(okJson("{\"id\":\"bps_1\",\"object\":\"billing_portal.session\","
                        + "\"url\":\"https://billing.stripe.test/p/" + user + "\"}")));
    }

    @Test
    void shouldCreateCustomerOnceAndReturnSubscriptionCheckoutUrl() {
        stubSessions(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"cs_sub\",\"object\":\"checkout.session\",\"url\":\"https://checkout.stripe.test/cs_sub\"}"));

        var first = api.post("/api/billing/checkout", user, "{\"plan\":\"pro\"}");
        var second = api.post("/api/billing/checkout", user, "{\"plan\":\"starter\"}");

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).contains("\"url\":\"https://checkout.stripe.test/cs_sub\"")
                .contains("\"session_id\":\"cs_sub\"").doesNotContain("sessionId");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(fake.findAll(postRequestedFor(urlPathEqualTo("/v1/customers")).withRequestBody(containing(user))))
                .singleElement().satisfies(r -> assertThat(r.getHeader("Idempotency-Key")).isEqualTo("cloudya-customer-" + user));
        String body = form(sessionRequests().getFirst());
        assertThat(body).contains("mode=subscription").contains("line_items[0][price]=price_pro_monthly")
                .contains("customer=cus_" + user).contains("subscription_data[metadata][plan]=pro");
    }

    @Test
    void shouldPriceTopUpAtOneEuroPerThousandTokens() {
        stubSessions(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"cs_top\",\"object\":\"checkout.session\",\"url\":\"https://checkout.stripe.test/cs_top\"}"));

        var response = api.post("/api/billing/topup", user, "{\"tokens\":5000}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(form(sessionRequests().getFirst())).contains("mode=payment")
                .contains("line_items[0][quantity]=5").contains("line_items[0][price_data][unit_amount]=100")
                .contains("line_items[0][price_data][currency]=eur").contains("metadata[tokens]=5000");
    }

    @Test
    void shouldRefuseTopUpOutsideBoundsOrNotInThousands() {
        for (String tokens : List.of("999", "1500", "1001000", "0", "-1000", "null")) {
            var response = api.post("/api/billing/topup", user, "{\"tokens\":" + tokens + "}");
            assertThat(response.statusCode()).as(tokens).isEqualTo(400);
            assertThat(response.body()).contains("invalid_token_amount");
        }
        assertThat(sessionRequests()).isEmpty();
    }

    @Test
    void shouldRefuseFreeOrUnknownPlanAndMissingIdentity() {
        assertThat(api.post("/api/billing/checkout", user, "{\"plan\":\"free\"}").body()).contains("invalid_plan");
        assertThat(api.post("/api/billing/checkout", user, "{\"plan\":\"platinum\"}").statusCode()).isEqualTo(400);
        var anonymous = api.post("/api/billing/checkout", null, "{\"plan\":\"pro\"}");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).contains("\"code\":\"unauthenticated\"");
    }

    @Test
    void shouldOpenCustomerPortal() {
        var response = api.post("/api/billing/portal", user, "");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("https://billing.stripe.test/p/" + user);
    }

    @Test
    void shouldAnswerFreeWhenUserHasNoSubscription() {
        assertThat(api.get("/api/billing/subscription", user).body())
                .contains("\"plan\":\"free\"").contains("\"next_invoice\":null")
                .contains("\"current_period_end\":null").contains("\"cancel_at_period_end\":false");
    }

    private void stubSessions(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
        fake.stubFor(post("/v1/checkout/sessions").withRequestBody(containing(user)).willReturn(response));
    }

    private List<LoggedRequest> sessionRequests() {
        return fake.findAll(postRequestedFor(urlPathEqualTo("/v1/checkout/sessions")).withRequestBody(containing(user)));
    }

    static String form(LoggedRequest request) {
        return URLDecoder.decode(request.getBodyAsString(), StandardCharsets.UTF_8);
    }
}

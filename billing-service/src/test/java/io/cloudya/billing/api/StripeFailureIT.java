package io.cloudya.billing.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.cloudya.billing.support.BillingIntegrationTest;
import io.cloudya.billing.support.FakeStripe;
import io.cloudya.billing.support.StripeEventMother;
import io.cloudya.billing.support.WebhookClient;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Stripe answering 500, 429 or nothing at all: retries repeat one Idempotency-Key, then a clear 502/503. */
@BillingIntegrationTest
class StripeFailureIT {

    final WireMockServer fake = FakeStripe.server();
    @LocalServerPort int port;
    WebhookClient api;
    String user;

    @BeforeEach
    void customerCreationFails() {
        api = new WebhookClient(port);
        user = "user-" + StripeEventMother.newId("u");
    }

    @Test
    void shouldRetryServerErrorsWithSameIdempotencyKeyThenAnswer502() {
        fake.stubFor(post("/v1/customers").withRequestBody(containing(user)).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"type\":\"api_error\",\"message\":\"boom\"}}")));

        var response = api.post("/api/billing/topup", user, "{\"tokens\":2000}");

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).contains("\"code\":\"payment_provider_error\"");
        assertThat(customerRequests()).hasSize(3).extracting(r -> r.getHeader("Idempotency-Key"))
                .containsOnly("cloudya-customer-" + user);
    }

    @Test
    void shouldRetryRateLimitWithSameKeyAndSucceed() {
        fake.stubFor(post("/v1/customers").withRequestBody(containing(user)).inScenario(user)
                .whenScenarioStateIs(STARTED).willSetStateTo("second")
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"rate_limit\"}}")));
        fake.stubFor(post("/v1/customers").withRequestBody(containing(user)).inScenario(user)
                .whenScenarioStateIs("second")
                .willReturn(okJson("{\"id\":\"cus_" + user + "\",\"object\":\"customer\"}")));
        fake.stubFor(post("/v1/billing_portal/sessions").withRequestBody(containing("cus_" + user))
                .willReturn(okJson("{\"id\":\"bps_2\",\"object\":\"billing_portal.session\",\"url\":\"https://p\"}")));

        var response = api.post("/api/billing/portal", user, "");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(customerRequests()).hasSize(2).extracting(r -> r.getHeader("Idempotency-Key"))
                .containsOnly("cloudya-customer-" + user);
    }

    @Test
    void shouldAnswer503WhenStripeTimesOutOnEveryTry() {
        fake.stubFor(post("/v1/customers").withRequestBody(containing(user))
                .willReturn(okJson("{\"id\":\"cus_late\",\"object\":\"customer\"}").withFixedDelay(1_500)));

        var response = api.post("/api/billing/portal", user, "");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("\"code\":\"payment_provider_unavailable\"");
        assertThat(customerRequests()).hasSize(3).extracting(r -> r.getHeader("Idempotency-Key"))
                .containsOnly("cloudya-customer-" + user);
    }

    private List<LoggedRequest> customerRequests() {
        return fake.findAll(postRequestedFor(urlPathEqualTo("/v1/customers")).withRequestBody(containing(user)));
    }
}

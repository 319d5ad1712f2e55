package io.cloudya.billing.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.cloudya.billing.api.ApiException;
import io.cloudya.billing.config.StripeProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StripeGatewayClientTest {

    WireMockServer fake;

    @BeforeEach
    void start() {
        fake = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        fake.start();
    }

    @AfterEach
    void stop() {
        fake.stop();
    }

    @Test
    void shouldOpenCircuitAfterRepeatedFailuresAndStopCallingStripe() {
        fake.stubFor(WireMock.get(urlPathEqualTo("/v1/prices")).willReturn(aResponse().withStatus(503)));
        StripeGateway gateway = gateway("sk_test_x");

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> new PriceCatalog(gateway).priceIdFor(io.cloudya.billing.subscription.Plan.PRO))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("payment_provider_error"));
        }
        int callsWhenOpened = fake.findAll(getRequestedFor(urlPathEqualTo("/v1/prices"))).size();
        assertThat(gateway.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);

        assertThatThrownBy(() -> new PriceCatalog(gateway).priceIdFor(io.cloudya.billing.subscription.Plan.PRO))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("payment_provider_unavailable");
                    assertThat(e.status().value()).isEqualTo(503);
                });
        assertThat(fake.findAll(getRequestedFor(urlPathEqualTo("/v1/prices")))).hasSize(callsWhenOpened);
    }

    @Test
    void shouldRefuseEveryCallWithBillingNotConfiguredWhenNoKeyIsSet() {
        StripeGateway gateway = gateway("");

        assertThatThrownBy(() -> gateway.read("anything", (client, options) -> client.v1().prices().list(options)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("billing_not_configured");
                    assertThat(e.status().value()).isEqualTo(503);
                });
        assertThat(fake.getAllServeEvents()).isEmpty();
    }

    private StripeGateway gateway(String key) {
        var properties = new StripeProperties(key, "", fake.baseUrl(), Duration.ofMinutes(5), Duration.ofSeconds(1),
                Duration.ofSeconds(1), "https://s", "https://c", "https://r", false,
                new StripeProperties.Resilience(2, Duration.ofMillis(1), 50, 4, 4, Duration.ofMinutes(1)));
        return new StripeGateway(new StripeClientConfig().stripeClient(properties), properties);
    }
}

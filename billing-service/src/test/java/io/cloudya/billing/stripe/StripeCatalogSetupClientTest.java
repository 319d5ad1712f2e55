package io.cloudya.billing.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.cloudya.billing.config.BillingProperties;
import io.cloudya.billing.config.StripeProperties;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StripeCatalogSetupClientTest {

    static final String EMPTY = "{\"object\":\"list\",\"data\":[],\"has_more\":false,\"url\":\"/v1/prices\"}";

    WireMockServer fake;
    StripeCatalogSetup setup;

    @BeforeEach
    void start() {
        fake = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        fake.start();
        var stripe = new StripeProperties("sk_test_x", "", fake.baseUrl(), Duration.ofMinutes(5), Duration.ofSeconds(1),
                Duration.ofSeconds(2), "s", "c", "r", true,
                new StripeProperties.Resilience(3, Duration.ofMillis(1), 50, 10, 10, Duration.ofMinutes(1)));
        var billing = new BillingProperties("eur", Duration.ofDays(7), Duration.ofMinutes(15), 1_000, 1_000_000);
        setup = new StripeCatalogSetup(new StripeGateway(new StripeClientConfig().stripeClient(stripe), stripe), billing);
        fake.stubFor(get(urlPathMatching("/v1/products/.*")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"resource_missing\"}}")));
        fake.stubFor(post("/v1/products").willReturn(okJson("{\"id\":\"cloudya_x\",\"object\":\"product\"}")));
        fake.stubFor(post("/v1/prices").willReturn(okJson("{\"id\":\"price_x\",\"object\":\"price\"}")));
    }

    @AfterEach
    void stop() {
        fake.stop();
    }

    @Test
    void shouldCreateProductsAndMonthlyPricesWithLookupKeysInAnEmptyAccount() {
        fake.stubFor(get(urlPathEqualTo("/v1/prices")).willReturn(okJson(EMPTY)));

        assertThat(setup.run()).containsExactly("starter_monthly", "pro_monthly", "enterprise_monthly");

        var prices = fake.findAll(postRequestedFor(urlPathEqualTo("/v1/prices")));
        assertThat(prices).hasSize(3);
        String pro = URLDecoder.decode(prices.get(1).getBodyAsString(), StandardCharsets.UTF_8);
        assertThat(pro).contains("lookup_key=pro_monthly").contains("unit_amount=2999")
                .contains("recurring[interval]=month").contains("currency=eur").contains("product=cloudya_x");
        assertThat(prices.get(1).getHeader("Idempotency-Key")).isEqualTo("setup-price-pro_monthly-2999");
        assertThat(fake.findAll(postRequestedFor(urlPathEqualTo("/v1/products")))).hasSize(3);
    }

    @Test
    void shouldChangeNothingWhenPricesAlreadyExist() {
        fake.stubFor(get(urlPathEqualTo("/v1/prices")).willReturn(okJson(
                "{\"object\":\"list\",\"has_more\":false,\"url\":\"/v1/prices\",\"data\":[{\"id\":\"price_1\",\"object\":\"price\"}]}")));

        assertThat(setup.run()).isEmpty();

        assertThat(fake.findAll(postRequestedFor(urlPathMatching("/v1/.*")))).isEmpty();
    }
}

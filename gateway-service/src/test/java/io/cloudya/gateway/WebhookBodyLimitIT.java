package io.cloudya.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/** Stripe's webhook has its own 1 MiB body limit (big events must not be refused); every other path keeps 64 KiB. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "cloudya.health.kafka-bootstrap-servers=127.0.0.1:1")
class WebhookBodyLimitIT {

    static final String WEBHOOK = "/api/billing/webhook";
    static final int KIB = 1024;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        TestUpstreams.register(registry);
    }

    @LocalServerPort int port;
    WebTestClient stripe;
    WireMockServer billing = TestUpstreams.of("billing-service");
    WireMockServer command = TestUpstreams.of("command-service");

    @BeforeEach
    void setUp() {
        TestUpstreams.resetAllHealthy();
        billing.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        command.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        // Stripe sends no Cloudya credential: the webhook is public
        stripe = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(10)).build();
    }

    @Test
    void forwardsWebhookEventLargerThanTheGeneralLimitIntact() {
        byte[] event = TestBodies.ofSize(200 * KIB);

        stripe.post().uri(WEBHOOK).contentType(MediaType.APPLICATION_JSON).header("Stripe-Signature", "t=1,v1=x")
                .bodyValue(event).exchange().expectStatus().isOk();

        billing.verify(1, postRequestedFor(urlEqualTo(WEBHOOK)).withRequestBody(binaryEqualTo(event)));
    }

    @Test
    void forwardsChunkedWebhookEventLargerThanTheGeneralLimit() {
        byte[] event = TestBodies.ofSize(200 * KIB);

        stripe.post().uri(WEBHOOK).contentType(MediaType.APPLICATION_JSON)
                .body(BodyInserters.fromDataBuffers(TestBodies.chunked(event))).exchange().expectStatus().isOk();

        billing.verify(1, postRequestedFor(urlEqualTo(WEBHOOK)).withRequestBody(binaryEqualTo(event)));
    }

    @Test
    void rejectsWebhookBodyOverItsOwnLimitWithoutCallingBilling() {
        var response = stripe.post()
                .uri(WEBHOOK).contentType(MediaType.APPLICATION_JSON).bodyValue(TestBodies.ofSize(2048 * KIB))
                .exchange();
        TestBodies.expectPayloadTooLarge(response);

        billing.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void rejectsChunkedWebhookBodyOverItsOwnLimit() {
        var response = stripe.post()
                .uri(WEBHOOK).contentType(MediaType.APPLICATION_JSON)
                .body(BodyInserters.fromDataBuffers(TestBodies.chunked(TestBodies.ofSize(2048 * KIB))))
                .exchange();
        TestBodies.expectPayloadTooLarge(response);

        billing.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void keepsTheGeneralLimitOnOtherPaths() {
        var response = stripe.post()
                .uri("/api/command").header("Authorization", TestTokens.bearerForNewUser("pro"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(TestBodies.ofSize(100 * KIB))
                .exchange();
        TestBodies.expectPayloadTooLarge(response);

        command.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void keepsTheGeneralLimitOnOtherBillingPaths() {
        var response = stripe.post()
                .uri("/api/billing/checkout").header("Authorization", TestTokens.bearerForNewUser("pro"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(TestBodies.ofSize(100 * KIB))
                .exchange();
        TestBodies.expectPayloadTooLarge(response);

        billing.verify(0, anyRequestedFor(anyUrl()));
    }
}

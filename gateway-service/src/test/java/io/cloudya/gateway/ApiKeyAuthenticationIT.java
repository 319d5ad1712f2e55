package io.cloudya.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** API keys at the gateway: checked with auth-service, cached briefly, refused soon after revocation. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "cloudya.health.kafka-bootstrap-servers=127.0.0.1:1",
        "cloudya.auth.api-key-cache-ttl=1s"})
class ApiKeyAuthenticationIT {

    static final String KEY = "cly_" + "k".repeat(43);

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        TestUpstreams.register(registry);
    }

    @LocalServerPort int port;
    WebTestClient gateway;
    WireMockServer command = TestUpstreams.of("command-service");
    WireMockServer auth = TestUpstreams.of("auth-service");
    String userId = UUID.randomUUID().toString();

    @BeforeEach
    void setUp() {
        TestUpstreams.resetAllHealthy();
        command.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"answer\":\"ok\"}")));
        gateway = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(10)).build();
    }

    @Test
    void shouldAcceptLiveApiKeyAsItsOwnerAndAskAuthServiceOncePerCacheTtl() {
        stubKeyOwner(200, "{\"user_id\":\"" + userId + "\",\"plan\":\"starter\"}");

        for (int i = 0; i < 3; i++) {
            gateway.post().uri("/api/command").header("Authorization", "Bearer " + KEY).bodyValue("{}").exchange()
                    .expectStatus().isOk();
        }

        command.verify(3, postRequestedFor(urlEqualTo("/api/command")).withHeader("X-User-Id", equalTo(userId))
                .withHeader("X-User-Plan", equalTo("starter")));
        auth.verify(1, postRequestedFor(urlPathEqualTo("/internal/api-keys/verify"))
                .withRequestBody(equalToJson("{\"key\":\"" + KEY + "\"}")));
    }

    @Test
    void shouldStopAcceptingRevokedApiKeyWithinSeconds() throws InterruptedException {
        stubKeyOwner(200, "{\"user_id\":\"" + userId + "\",\"plan\":\"free\"}");
        send(KEY).expectStatus().isOk();

        stubKeyOwner(401, "{\"status\":401,\"code\":\"invalid_api_key\",\"message\":\"revoked\"}");
        long revokedAt = System.nanoTime();
        int status = 200;
        while (status == 200 && System.nanoTime() - revokedAt < Duration.ofSeconds(5).toNanos()) {
            Thread.sleep(100);
            status = send(KEY).returnResult(String.class).getStatus().value();
        }

        assertThat(status).isEqualTo(401);
        assertThat(Duration.ofNanos(System.nanoTime() - revokedAt)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void shouldAnswer503NotUnauthorizedWhenAuthServiceCannotCheckAKey() {
        stubKeyOwner(500, "{}");

        send("cly_" + "z".repeat(43)).expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.code").isEqualTo("service_unavailable");

        command.verify(0, anyRequestedFor(anyUrl()));
    }

    private WebTestClient.ResponseSpec send(String key) {
        return gateway.post().uri("/api/command").header("Authorization", "Bearer " + key).bodyValue("{}").exchange();
    }

    private void stubKeyOwner(int status, String body) {
        auth.stubFor(post(urlEqualTo("/internal/api-keys/verify")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }
}

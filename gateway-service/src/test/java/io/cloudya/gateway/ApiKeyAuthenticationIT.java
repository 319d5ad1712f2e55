package io.cloudya.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
        TestUpstreams.commandServiceAnswersOk();
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

    @Test
    void shouldStillAnswerOtherCallersOfAKeyWhenOneHangsUpWhileItIsChecked() throws Exception {
        String key = "cly_" + "h".repeat(43);
        auth.stubFor(post(urlEqualTo("/internal/api-keys/verify")).willReturn(aResponse().withStatus(200)
                .withFixedDelay(1500).withHeader("Content-Type", "application/json")
                .withBody("{\"user_id\":\"" + userId + "\",\"plan\":\"free\"}")));
        CompletableFuture<HttpResponse<String>> staying;
        try (Socket leaving = new Socket("127.0.0.1", port)) {
            OutputStream out = leaving.getOutputStream();
            out.write(("POST /api/command HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + key
                    + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            awaitKeyChecks(1);
            staying = HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/command"))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            Thread.sleep(300);  // the second caller now waits on the same check
        }

        HttpResponse<String> answer = staying.get(10, TimeUnit.SECONDS);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        auth.verify(1, postRequestedFor(urlPathEqualTo("/internal/api-keys/verify")));
    }

    private void awaitKeyChecks(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (auth.findAll(postRequestedFor(urlPathEqualTo("/internal/api-keys/verify"))).size() < count) {
            assertThat(System.nanoTime()).as("auth-service asked to check the key").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private WebTestClient.ResponseSpec send(String key) {
        return gateway.post().uri("/api/command").header("Authorization", "Bearer " + key).bodyValue("{}").exchange();
    }

    private void stubKeyOwner(int status, String body) {
        auth.stubFor(post(urlEqualTo("/internal/api-keys/verify")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }
}

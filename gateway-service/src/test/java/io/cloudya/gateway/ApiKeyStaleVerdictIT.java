package io.cloudya.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A key auth-service accepted keeps working, for a bounded time, while auth-service cannot answer. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "cloudya.health.kafka-bootstrap-servers=127.0.0.1:1",
        "cloudya.auth.api-key-cache-ttl=500ms", "cloudya.auth.api-key-stale-limit=3s"})
class ApiKeyStaleVerdictIT {

    private static final Duration PAST_TTL = Duration.ofMillis(700);

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        TestUpstreams.register(registry);
    }

    @LocalServerPort int port;
    @Autowired MeterRegistry meters;
    WebTestClient gateway;
    WireMockServer auth = TestUpstreams.of("auth-service");
    String key = "cly_" + UUID.randomUUID().toString().replace("-", "") + "s".repeat(11);

    @BeforeEach
    void setUp() {
        TestUpstreams.resetAllHealthy();
        TestUpstreams.commandServiceAnswersOk();
        gateway = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(10)).build();
    }

    @Test
    void keepsAcceptingAKeyOnItsLastGoodVerdictWhileAuthServiceFailsThenStopsAtTheLimit() throws Exception {
        stubKeyCheck(200, "{\"user_id\":\"" + UUID.randomUUID() + "\",\"plan\":\"pro\"}");
        assertThat(send()).isEqualTo(200);
        long acceptedAt = System.nanoTime();
        double staleBefore = staleCount();

        stubKeyCheck(500, "{}");
        Thread.sleep(PAST_TTL.toMillis());

        assertThat(send()).as("auth-service fails: the last good verdict holds").isEqualTo(200);
        assertThat(auth.findAll(postRequestedFor(urlEqualTo("/internal/api-keys/verify")))).hasSize(2);
        assertThat(staleCount()).isEqualTo(staleBefore + 1);

        Thread.sleep(Math.max(0, Duration.ofSeconds(3).plus(PAST_TTL).toMillis()
                - Duration.ofNanos(System.nanoTime() - acceptedAt).toMillis()));
        assertThat(send()).as("past the stale limit").isEqualTo(503);
    }

    @Test
    void refusesAKeyAuthServiceRevokedEvenThoughItWasGoodBefore() throws Exception {
        stubKeyCheck(200, "{\"user_id\":\"" + UUID.randomUUID() + "\",\"plan\":\"free\"}");
        assertThat(send()).isEqualTo(200);

        stubKeyCheck(401, "{\"status\":401,\"code\":\"invalid_api_key\",\"message\":\"revoked\"}");
        Thread.sleep(PAST_TTL.toMillis());
        assertThat(send()).isEqualTo(401);

        stubKeyCheck(500, "{}");
        Thread.sleep(PAST_TTL.toMillis());
        assertThat(send()).as("no good verdict left to fall back on").isEqualTo(503);
    }

    private int send() {
        return gateway.post().uri("/api/command").header("Authorization", "Bearer " + key).bodyValue("{}")
                .exchange().returnResult(String.class).getStatus().value();
    }

    private double staleCount() {
        return meters.counter("gateway.apikey.stale").count();
    }

    private void stubKeyCheck(int status, String body) {
        auth.stubFor(post(urlEqualTo("/internal/api-keys/verify")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }
}

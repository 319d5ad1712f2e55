package io.cloudya.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Which service each public path reaches, with what identity, and within which timeout. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "cloudya.health.kafka-bootstrap-servers=127.0.0.1:1",
        // short timeouts keep the timeout tests fast; command routes still get longer than the rest
        "spring.cloud.gateway.server.webflux.httpclient.response-timeout=1s",
        "COMMAND_TIMEOUT_MS=3000"})
class GatewayRoutesIT {

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        TestUpstreams.register(registry);
    }

    @LocalServerPort int port;
    WebTestClient gateway;
    String userId;

    @BeforeEach
    void setUp() {
        TestUpstreams.resetAllHealthy();
        TestUpstreams.eachServesItsName();
        // every request here is signed in, as a fresh Pro user, so routing is tested past authentication
        userId = UUID.randomUUID().toString();
        gateway = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader("Authorization", TestTokens.bearer(userId, "pro"))
                .responseTimeout(Duration.ofSeconds(10)).build();
    }

    @ParameterizedTest
    @CsvSource({
            "/api/auth/login, auth-service",
            "/api/command, command-service",
            "/api/command/abc/confirm, command-service",
            "/api/commands, command-service",
            "/api/commands/123, command-service",
            "/api/chat, command-service",
            "/api/chat/7/messages, command-service",
            "/api/tokens/balance, token-service",
            "/api/billing/webhook, billing-service"})
    void routesPublicPathToItsServiceWithPathUnchanged(String path, String service) {
        gateway.post().uri(path + "?x=1").bodyValue("{}").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.served_by").isEqualTo(service);

        TestUpstreams.of(service).verify(1, anyRequestedFor(urlEqualTo(path + "?x=1")));
    }

    @Test
    void replacesClientSentIdentityHeadersWithVerifiedIdentity() {
        gateway.post().uri("/api/command")
                .header("X-User-Id", "admin").header("x-user-id", "root").header("X-User-Plan", "enterprise")
                .bodyValue("{\"user_input\":\"ls\"}").exchange()
                .expectStatus().isOk();

        LoggedRequest received = TestUpstreams.onlyApiRequestTo("command-service");
        assertThat(received.getHeaders().getHeader("X-User-Id").values()).containsExactly(userId);
        assertThat(received.getHeaders().getHeader("X-User-Plan").values()).containsExactly("pro");
    }

    @Test
    void answersUnknownPathWithNotFoundApiErrorAndRequestId() {
        gateway.get().uri("/api/nope").exchange()
                .expectStatus().isNotFound()
                .expectHeader().exists("X-Request-Id")
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.code").isEqualTo("not_found")
                .jsonPath("$.message").isNotEmpty();
    }

    @Test
    void hidesFallbackEndpointFromDirectCalls() {
        gateway.get().uri("/fallback/token-service").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("not_found");
    }

    @Test
    void answersUpstreamTimeoutWhenServiceIsSlowerThanRouteTimeout() {
        TestUpstreams.of("token-service").stubFor(any(anyUrl()).willReturn(aResponse().withFixedDelay(2_000)));

        gateway.get().uri("/api/tokens/balance").exchange()
                .expectStatus().isEqualTo(504)
                .expectBody()
                .jsonPath("$.code").isEqualTo("upstream_timeout")
                .jsonPath("$.message").value(message -> assertThat((String) message).contains("token-service"));
    }

    @Test
    void givesCommandRoutesLongerThanDefaultTimeoutBecauseAnswersWaitForTheModel() {
        TestUpstreams.of("command-service").stubFor(any(anyUrl()).willReturn(aResponse().withFixedDelay(1_500)
                .withHeader("Content-Type", "application/json").withBody("{\"answer\":\"ok\"}")));

        gateway.post().uri("/api/command").bodyValue("{}").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.answer").isEqualTo("ok");
    }
}

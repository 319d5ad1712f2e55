package io.cloudya.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

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

/** X-Request-Id: kept when valid, generated or replaced otherwise, the same upstream and back to the client. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties =
        "cloudya.health.kafka-bootstrap-servers=127.0.0.1:1")
class RequestIdIT {

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
        // every request here is signed in, as a fresh Pro user, so request ids are tested past authentication
        userId = UUID.randomUUID().toString();
        gateway = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader("Authorization", TestTokens.bearer(userId, "pro"))
                .responseTimeout(Duration.ofSeconds(10)).build();
    }

    @Test
    void generatesRequestIdWhenClientSendsNoneAndReturnsTheSameOne() {
        String returned = gateway.get().uri("/api/tokens/balance").exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst("X-Request-Id");

        assertThat(returned).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(TestUpstreams.onlyApiRequestTo("token-service").getHeader("X-Request-Id")).isEqualTo(returned);
    }

    @Test
    void propagatesValidClientRequestIdUpstreamAndBack() {
        gateway.get().uri("/api/auth/me").header("X-Request-Id", "cli-run-42.abc").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Request-Id", "cli-run-42.abc");

        TestUpstreams.of("auth-service").verify(1, anyRequestedFor(anyUrl())
                .withHeader("X-Request-Id", equalTo("cli-run-42.abc")));
    }

    @Test
    void replacesMalformedClientRequestId() {
        String returned = gateway.get().uri("/api/auth/me").header("X-Request-Id", "bad id; drop table")
                .exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst("X-Request-Id");

        assertThat(returned).isNotEqualTo("bad id; drop table").hasSize(36);
        assertThat(TestUpstreams.onlyApiRequestTo("auth-service").getHeader("X-Request-Id")).isEqualTo(returned);
    }
}

package io.cloudya.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Per-plan limits in the real local Redis (127.0.0.1:6379), with the configured defaults (free: 10/min, burst 20). */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "cloudya.health.kafka-bootstrap-servers=127.0.0.1:1")
class RateLimitIT {

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        TestUpstreams.register(registry);
    }

    @LocalServerPort int port;
    WebTestClient gateway;

    @BeforeEach
    void setUp() {
        TestUpstreams.resetAllHealthy();
        TestUpstreams.of("command-service").stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        gateway = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(10)).build();
    }

    @Test
    void shouldRefuseFreeUserPastBurstWhileProUserIsServedAtTheSameMoment() {
        String free = TestTokens.bearerForNewUser("free");
        String pro = TestTokens.bearerForNewUser("pro");
        List<Integer> freeStatuses = new ArrayList<>();
        List<Integer> proStatuses = new ArrayList<>();

        for (int i = 0; i < 25; i++) {
            freeStatuses.add(send(free).getStatus().value());
            proStatuses.add(send(pro).getStatus().value());
        }

        assertThat(freeStatuses.subList(0, 20)).containsOnly(200);
        assertThat(freeStatuses.subList(20, 25)).contains(429);
        assertThat(proStatuses).containsOnly(200);
    }

    @Test
    void shouldAnswer429WithRetryAfterAndRateLimitHeaders() {
        String free = TestTokens.bearerForNewUser("free");
        var first = send(free);
        assertThat(first.getResponseHeaders().getFirst("X-RateLimit-Limit")).isEqualTo("10");
        assertThat(first.getResponseHeaders().getFirst("X-RateLimit-Remaining")).isEqualTo("19");
        EntityExchangeResult<String> refused = first;
        for (int i = 0; i < 25 && refused.getStatus().value() != 429; i++) {
            refused = send(free);
        }

        assertThat(refused.getStatus().value()).isEqualTo(429);
        assertThat(refused.getResponseBody()).contains("\"code\":\"rate_limited\"");
        assertThat(refused.getResponseHeaders().getFirst("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(Long.parseLong(refused.getResponseHeaders().getFirst("Retry-After"))).isBetween(1L, 6L);
    }

    private EntityExchangeResult<String> send(String bearer) {
        return gateway.post().uri("/api/command").header("Authorization", bearer).bodyValue("{}").exchange()
                .expectBody(String.class).returnResult();
    }
}

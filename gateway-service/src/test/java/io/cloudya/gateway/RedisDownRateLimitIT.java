package io.cloudya.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Redis points at a closed port: limits must still hold, per instance, at the same rates. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "cloudya.health.kafka-bootstrap-servers=127.0.0.1:1")
class RedisDownRateLimitIT {

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        TestUpstreams.register(registry);
        int deadPort = TestUpstreams.deadPort();
        registry.add("spring.data.redis.port", () -> deadPort);
    }

    @LocalServerPort int port;
    @Autowired MeterRegistry meters;
    WebTestClient gateway;

    @BeforeEach
    void setUp() {
        TestUpstreams.resetAllHealthy();
        TestUpstreams.of("command-service").stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        gateway = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(10)).build();
    }

    @Test
    void shouldFallBackToInMemoryLimitsAtTheSameRatesAndCountIt() {
        String free = TestTokens.bearerForNewUser("free");
        String pro = TestTokens.bearerForNewUser("pro");
        List<Integer> freeStatuses = new ArrayList<>();

        for (int i = 0; i < 22; i++) {
            freeStatuses.add(send(free));
        }

        assertThat(freeStatuses.subList(0, 20)).containsOnly(200);
        assertThat(freeStatuses.subList(20, 22)).containsOnly(429);
        assertThat(send(pro)).isEqualTo(200);
        assertThat(meters.counter("gateway.ratelimit.fallback").count()).isGreaterThanOrEqualTo(23);
    }

    private int send(String bearer) {
        return gateway.post().uri("/api/command").header("Authorization", bearer).bodyValue("{}").exchange()
                .returnResult(String.class).getStatus().value();
    }
}

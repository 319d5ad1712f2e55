package io.cloudya.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Nothing runs behind the gateway: every service address refuses connections. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "cloudya.health.timeout=1s")
@ExtendWith(OutputCaptureExtension.class)
class UpstreamDownIT {

    @DynamicPropertySource
    static void deadUpstreams(DynamicPropertyRegistry registry) {
        for (String upstream : new String[] {"auth", "command", "token", "billing", "ai-worker", "cdc-relay"}) {
            int port = TestUpstreams.deadPort();
            registry.add("cloudya.upstreams." + upstream, () -> "http://127.0.0.1:" + port);
        }
        registry.add("cloudya.health.kafka-bootstrap-servers", () -> "127.0.0.1:" + TestUpstreams.deadPort());
        // tokens still verify: only the JWKS is served, by the (otherwise unused) auth stand-in
        registry.add("cloudya.auth.jwks-uri", () -> TestUpstreams.of("auth-service").baseUrl()
                + "/.well-known/jwks.json");
    }

    @LocalServerPort int port;
    @Autowired CircuitBreakerRegistry breakers;
    WebTestClient gateway;

    @BeforeEach
    void setUp() {
        TestTokens.stubJwks(TestUpstreams.of("auth-service"));
        gateway = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader("Authorization", TestTokens.bearerForNewUser("pro"))
                .responseTimeout(Duration.ofSeconds(10)).build();
    }

    @ParameterizedTest
    @CsvSource({
            "/api/auth/login, auth-service",
            "/api/command, command-service",
            "/api/tokens/balance, token-service",
            "/api/billing/webhook, billing-service"})
    void answers503NamingTheServiceThatRefusesConnections(String path, String service) {
        gateway.post().uri(path).bodyValue("{}").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().exists("X-Request-Id")
                .expectBody()
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.code").isEqualTo("service_unavailable")
                .jsonPath("$.message").value(message -> assertThat((String) message).contains(service));
    }

    @Test
    void logsTheFailureWithTheRequestIdAndTheUser(CapturedOutput output) {
        String userId = UUID.randomUUID().toString();
        gateway.get().uri("/api/command/none").header("Authorization", TestTokens.bearer(userId, "pro"))
                .header("X-Request-Id", "fallback-log-1").exchange()
                .expectStatus().isEqualTo(503);

        assertThat(output.getOut()).containsPattern(
                "WARN \\[fallback-log-1," + userId + "].*command-service failed: .*Connection refused");
    }

    @Test
    void opensTokenServiceBreakerAfterRepeatedFailuresPerYamlSettings() {
        // minimum-number-of-calls is 10 in application.yml; Resilience4j's own default (100) would stay closed
        for (int i = 0; i < 10; i++) {
            gateway.get().uri("/api/tokens/balance").exchange().expectStatus().isEqualTo(503);
        }

        assertThat(breakers.circuitBreaker("token-service").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        gateway.get().uri("/api/tokens/balance").exchange()
                .expectStatus().isEqualTo(503)
                // wait-duration-in-open-state in application.yml
                .expectHeader().valueEquals("Retry-After", "2")
                .expectBody().jsonPath("$.code").isEqualTo("service_unavailable");
    }

    @Test
    void anOpenBreakerTriesAgainSoonThenBacksOffToHalfAMinute() {
        IntervalFunction wait = breakers.circuitBreaker("auth-service").getCircuitBreakerConfig()
                .getWaitIntervalFunctionInOpenState();

        assertThat(IntStream.rangeClosed(1, 9).mapToObj(wait::apply))
                .containsExactly(2_000L, 3_000L, 4_500L, 6_750L, 10_125L, 15_187L, 22_780L, 30_000L, 30_000L);
    }

    @Test
    void saysNothingOfWhenToRetryWhileTheBreakerIsStillClosed() {
        assertThat(breakers.circuitBreaker("billing-service").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        gateway.post().uri("/api/billing/webhook").bodyValue("{}").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().doesNotExist("Retry-After");
    }

    @Test
    void healthNamesEveryPartAndLeavesPostgresqlUnknownWhenNoServiceCanReport() {
        gateway.get().uri("/api/health").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody()
                .jsonPath("$.infrastructure.postgresql").isEqualTo("UNKNOWN")
                .jsonPath("$.failing").value(failing -> assertThat(failing).asList().containsExactly(
                        "auth-service", "command-service", "token-service", "billing-service", "ai-worker",
                        "kafka", "cdc-relay"));
    }
}

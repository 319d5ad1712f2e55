package io.cloudya.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** /api/health against WireMock services and a real embedded Kafka broker. */
@EmbeddedKafka
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "cloudya.health.kafka-bootstrap-servers=${spring.embedded.kafka.brokers}",
        "cloudya.health.timeout=1s"})
class SystemHealthIT {

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        TestUpstreams.register(registry);
    }

    @LocalServerPort int port;
    WebTestClient gateway;

    @BeforeEach
    void setUp() {
        TestUpstreams.resetAllHealthy();
        gateway = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(10)).build();
    }

    @Test
    void reportsEveryPartUpWith200WhenAllAreHealthy() {
        gateway.get().uri("/api/health").exchange()
                .expectStatus().isOk()
                .expectBody().json("""
                        {"status":"UP",
                         "services":{"auth-service":"UP","command-service":"UP","token-service":"UP",
                                     "billing-service":"UP","ai-worker":"UP"},
                         "infrastructure":{"kafka":"UP","postgresql":"UP","cdc-relay":"UP"},
                         "failing":[]}""", true);
    }

    @Test
    void answers503NamingTokenServiceWhenItReportsDown() {
        TestUpstreams.of("token-service").stubFor(get(urlEqualTo("/actuator/health")).willReturn(aResponse()
                .withStatus(503).withHeader("Content-Type", "application/json").withBody("{\"status\":\"DOWN\"}")));

        gateway.get().uri("/api/health").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody()
                .jsonPath("$.status").isEqualTo("DOWN")
                .jsonPath("$.services.token-service").isEqualTo("DOWN")
                .jsonPath("$.services.auth-service").isEqualTo("UP")
                .jsonPath("$.failing").value(failing -> assertThat(failing).asList().containsExactly("token-service"));
    }

    @Test
    void namesPostgresqlWhenAServiceReportsItsDatabaseDown() {
        TestUpstreams.of("billing-service").stubFor(get(urlEqualTo("/actuator/health")).willReturn(aResponse()
                .withStatus(503).withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"DOWN\",\"components\":{\"db\":{\"status\":\"DOWN\"}}}")));

        gateway.get().uri("/api/health").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody()
                .jsonPath("$.infrastructure.postgresql").isEqualTo("DOWN")
                .jsonPath("$.failing").value(failing ->
                        assertThat(failing).asList().containsExactly("billing-service", "postgresql"));
    }

    @Test
    void namesCdcRelayWhenItDropsTheConnection() {
        TestUpstreams.of("cdc-relay").stubFor(get(urlEqualTo("/actuator/health"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        gateway.get().uri("/api/health").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.failing").value(failing ->
                        assertThat(failing).asList().containsExactly("cdc-relay"));
    }

    @Test
    void countsServiceSlowerThanHealthTimeoutAsDownWithoutWaitingForIt() {
        TestUpstreams.of("ai-worker").stubFor(get(urlEqualTo("/actuator/health")).willReturn(aResponse()
                .withFixedDelay(5_000).withHeader("Content-Type", "application/json")
                .withBody(TestUpstreams.HEALTH_UP)));
        long started = System.nanoTime();

        gateway.get().uri("/api/health").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.failing").value(failing ->
                        assertThat(failing).asList().containsExactly("ai-worker"));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
    }
}

package io.cloudya.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Every service healthy, but nothing listens where Kafka should be. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "cloudya.health.timeout=1s")
class KafkaDownHealthIT {

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        TestUpstreams.register(registry);
        registry.add("cloudya.health.kafka-bootstrap-servers", () -> "127.0.0.1:" + TestUpstreams.deadPort());
    }

    @LocalServerPort int port;

    @BeforeEach
    void allServicesHealthy() {
        TestUpstreams.resetAllHealthy();
    }

    @Test
    void answers503NamingKafkaWhenBrokerIsUnreachable() {
        WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(10))
                .build()
                .get().uri("/api/health").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody()
                .jsonPath("$.status").isEqualTo("DOWN")
                .jsonPath("$.infrastructure.kafka").isEqualTo("DOWN")
                .jsonPath("$.infrastructure.postgresql").isEqualTo("UP")
                .jsonPath("$.failing").value(failing -> assertThat(failing).asList().containsExactly("kafka"));
    }
}

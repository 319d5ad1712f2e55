package io.cloudya.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/** Answers wait seconds for the model: many of them may wait at once without the gateway turning them away. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "cloudya.health.kafka-bootstrap-servers=127.0.0.1:1",
        "RATE_PRO_RPM=100000", "RATE_PRO_BURST=100000"})
class CommandRouteConcurrencyIT {

    private static final int WAITING_ANSWERS = 60;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        TestUpstreams.register(registry);
    }

    @LocalServerPort int port;

    @Test
    void letsMoreAnswersWaitAtOnceThanResilience4jsDefaultBulkheadOf25() {
        TestUpstreams.resetAllHealthy();
        TestUpstreams.of("command-service").stubFor(any(anyUrl()).willReturn(aResponse().withFixedDelay(1_500)
                .withHeader("Content-Type", "application/json").withBody("{\"answer\":\"ok\"}")));
        String bearer = TestTokens.bearer(UUID.randomUUID().toString(), "pro");
        WebClient client = WebClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader("Authorization", bearer).build();

        List<Integer> statuses = Flux.range(0, WAITING_ANSWERS)
                .flatMap(i -> client.post().uri("/api/command").bodyValue("{\"user_input\":\"ls\"}")
                        .exchangeToMono(response -> response.releaseBody()
                                .thenReturn(response.statusCode().value())), WAITING_ANSWERS)
                .collectList().block(Duration.ofSeconds(30));

        assertThat(statuses).hasSize(WAITING_ANSWERS).containsOnly(200);
    }
}

package io.cloudya.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway starts (or continues) the W3C trace of each request, forwards it upstream as traceparent, returns
 * its id as X-Trace-Id and logs with it: the one id that ties every service's log lines for a request together.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties =
        "cloudya.health.kafka-bootstrap-servers=127.0.0.1:1")
@ExtendWith(OutputCaptureExtension.class)
class TracePropagationIT {

    private static final String CLIENT_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CLIENT_SPAN = "00f067aa0ba902b7";

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
        TestUpstreams.of("token-service").stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"balance\":1000}")));
        userId = UUID.randomUUID().toString();
        gateway = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer(userId, "pro"))
                .responseTimeout(Duration.ofSeconds(10)).build();
    }

    @Test
    void shouldStartATraceForwardItUpstreamAndReturnItsId() {
        String traceId = gateway.get().uri("/api/tokens/balance").exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst("X-Trace-Id");

        assertThat(traceId).matches("[0-9a-f]{32}");
        assertThat(TestUpstreams.onlyApiRequestTo("token-service").getHeader("traceparent"))
                .matches("00-" + traceId + "-[0-9a-f]{16}-01");
    }

    @Test
    void shouldContinueTheClientsTraceUnderTheGatewaysOwnSpan() {
        gateway.get().uri("/api/tokens/balance")
                .header("traceparent", "00-" + CLIENT_TRACE + "-" + CLIENT_SPAN + "-01").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Trace-Id", CLIENT_TRACE);

        String forwarded = TestUpstreams.onlyApiRequestTo("token-service").getHeader("traceparent");
        assertThat(forwarded).matches("00-" + CLIENT_TRACE + "-[0-9a-f]{16}-01")
                .doesNotContain(CLIENT_SPAN);
    }

    @Test
    void shouldLogAnUpstreamFailureWithTheTraceIdItForwardedAndTheUser(CapturedOutput output) {
        TestUpstreams.of("command-service").stubFor(post(urlEqualTo("/api/command"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        String traceId = gateway.post().uri("/api/command").bodyValue("{\"user_input\":\"uptime\"}").exchange()
                .expectStatus().isEqualTo(503)
                .returnResult(String.class).getResponseHeaders().getFirst("X-Trace-Id");

        assertThat(TestUpstreams.onlyApiRequestTo("command-service").getHeader("traceparent"))
                .startsWith("00-" + traceId + "-");
        assertThat(output.getOut().lines().filter(line -> line.contains("command-service failed")))
                .singleElement().asString().contains(traceId).contains(userId);
    }
}

package io.cloudya.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
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

/**
 * The gateway is one X-Forwarded-For hop: it appends the address it saw to what the request came with, so
 * auth-service can count its trusted hops from the right (login throttling per client address). No other
 * forwarding header reaches a service: not the client's, and none of the gateway's own.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "cloudya.health.kafka-bootstrap-servers=127.0.0.1:1")
class ForwardedForIT {

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        TestUpstreams.register(registry);
    }

    @LocalServerPort int port;
    WebTestClient client;

    @BeforeEach
    void setUp() {
        TestUpstreams.resetAllHealthy();
        TestUpstreams.of("auth-service").stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(10)).build();
    }

    @Test
    void appendsThePeerAddressToTheChainItReceived() {
        client.post().uri("/api/auth/login").header("X-Forwarded-For", "203.0.113.9, 198.51.100.7")
                .bodyValue("{}").exchange().expectStatus().isOk();

        assertThat(forwardedForAtAuth()).isEqualTo("203.0.113.9, 198.51.100.7, 127.0.0.1");
    }

    @Test
    void joinsRepeatedHeadersInOrderBeforeAppending() {
        client.post().uri("/api/auth/login").header("X-Forwarded-For", "203.0.113.9")
                .header("X-Forwarded-For", "198.51.100.7").bodyValue("{}").exchange().expectStatus().isOk();

        assertThat(forwardedForAtAuth()).isEqualTo("203.0.113.9, 198.51.100.7, 127.0.0.1");
    }

    @Test
    void startsTheChainWithThePeerWhenNoneArrived() {
        client.post().uri("/api/auth/login").bodyValue("{}").exchange().expectStatus().isOk();

        assertThat(forwardedForAtAuth()).isEqualTo("127.0.0.1");
    }

    @Test
    void dropsEveryOtherForwardingHeaderTheClientSent() {
        client.post().uri("/api/auth/login").header("Forwarded", "for=203.0.113.9;host=evil.example;proto=https")
                .header("X-Forwarded-Host", "evil.example").header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Port", "443").header("X-Forwarded-Prefix", "/evil")
                .bodyValue("{}").exchange().expectStatus().isOk();

        var headers = TestUpstreams.onlyApiRequestTo("auth-service").getHeaders();
        assertThat(headers.keys()).map(String::toLowerCase)
                .doesNotContain("forwarded", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port",
                        "x-forwarded-prefix")
                .contains("x-forwarded-for");
    }

    private static String forwardedForAtAuth() {
        var header = TestUpstreams.onlyApiRequestTo("auth-service").getHeaders().getHeader("X-Forwarded-For");
        assertThat(header.values()).hasSize(1);
        return header.firstValue();
    }
}

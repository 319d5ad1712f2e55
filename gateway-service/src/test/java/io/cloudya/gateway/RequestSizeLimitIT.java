package io.cloudya.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "cloudya.health.kafka-bootstrap-servers=127.0.0.1:1")
class RequestSizeLimitIT {

    static final int LIMIT = 64 * 1024;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        TestUpstreams.register(registry);
    }

    @LocalServerPort int port;
    WebTestClient gateway;
    WireMockServer command = TestUpstreams.of("command-service");

    @BeforeEach
    void setUp() {
        TestUpstreams.resetAllHealthy();
        command.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        gateway = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader("Authorization", TestTokens.bearerForNewUser("pro"))
                .responseTimeout(Duration.ofSeconds(10)).build();
    }

    @Test
    void rejectsDeclaredBodyOneByteOverLimitWithoutCallingUpstream() {
        var response = gateway.post()
                .uri("/api/command").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(TestBodies.ofSize(LIMIT + 1))
                .exchange();
        TestBodies.expectPayloadTooLarge(response);

        command.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void rejectsChunkedBodyOverLimitWithoutCallingUpstream() {
        var response = gateway.post()
                .uri("/api/command").contentType(MediaType.APPLICATION_JSON)
                .body(BodyInserters.fromDataBuffers(TestBodies.chunked(TestBodies.ofSize(LIMIT + 1))))
                .exchange();
        TestBodies.expectPayloadTooLarge(response);

        command.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void forwardsDeclaredBodyExactlyAtLimitIntact() {
        byte[] body = TestBodies.ofSize(LIMIT);

        gateway.post().uri("/api/command").bodyValue(body).exchange().expectStatus().isOk();

        command.verify(1, postRequestedFor(urlEqualTo("/api/command")).withRequestBody(binaryEqualTo(body)));
    }

    @Test
    void forwardsChunkedBodyAtLimitIntactWithContentLength() {
        byte[] body = TestBodies.ofSize(LIMIT);

        gateway.post().uri("/api/command").body(BodyInserters.fromDataBuffers(TestBodies.chunked(body)))
                .exchange().expectStatus().isOk();

        command.verify(1, postRequestedFor(urlEqualTo("/api/command"))
                .withHeader("Content-Length", equalTo(String.valueOf(LIMIT)))
                .withRequestBody(binaryEqualTo(body)));
    }
}

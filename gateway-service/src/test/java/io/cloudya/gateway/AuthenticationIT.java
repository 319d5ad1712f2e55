package io.cloudya.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Who gets through the gateway with a token, and with which identity: every refusal is 401 and reaches no service.
 * API keys: {@link ApiKeyAuthenticationIT}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "cloudya.health.kafka-bootstrap-servers=127.0.0.1:1",
        "cloudya.auth.api-key-cache-ttl=1s"})
class AuthenticationIT {

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        TestUpstreams.register(registry);
    }

    @LocalServerPort int port;
    WebTestClient gateway;
    WireMockServer command = TestUpstreams.of("command-service");
    WireMockServer auth = TestUpstreams.of("auth-service");
    String userId = UUID.randomUUID().toString();

    @BeforeEach
    void setUp() {
        TestUpstreams.resetAllHealthy();
        TestUpstreams.commandServiceAnswersOk();
        gateway = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(10)).build();
    }

    @Test
    void shouldRefuseRequestWithoutCredentialWithBearerChallenge() {
        gateway.post().uri("/api/command").bodyValue("{}").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectBody().jsonPath("$.code").isEqualTo("unauthenticated");

        command.verify(0, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"alg-none", "expired", "bad-signature", "foreign-issuer", "garbage"})
    void shouldRefuseForgedOrStaleTokensWithoutReachingAnyService(String kind) {
        String token = switch (kind) {
            case "alg-none" -> TestTokens.algNone(userId);
            case "expired" -> TestTokens.expired(userId);
            case "bad-signature" -> TestTokens.badSignature(userId);
            case "foreign-issuer" -> TestTokens.foreignIssuer(userId);
            default -> "not.a.jwt";
        };

        gateway.post().uri("/api/command").header("Authorization", "Bearer " + token).bodyValue("{}").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .expectBody().jsonPath("$.code").isEqualTo("unauthenticated");

        command.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void shouldForwardOnlyTheCallersOwnIdentityWhateverHeadersOrQuerySay() {
        String victim = UUID.randomUUID().toString();

        gateway.get().uri("/api/command/history?user_id=" + victim + "&userId=" + victim)
                .header("Authorization", TestTokens.bearer(userId, "free"))
                .header("X-User-Id", victim).header("x-user-id", victim).header("X-User-Plan", "enterprise")
                .header("X-Priority", "high")
                .exchange().expectStatus().isOk();

        LoggedRequest received = command.findAll(anyRequestedFor(anyUrl())).getFirst();
        assertThat(received.getHeaders().getHeader("X-User-Id").values()).containsExactly(userId);
        assertThat(received.getHeaders().getHeader("X-User-Plan").values()).containsExactly("free");
        assertThat(received.getHeaders().getHeader("X-Priority").isPresent()).isFalse();
        assertThat(received.getHeaders().getHeader("Authorization").isPresent())
                .as("the credential stays at the gateway").isFalse();
    }

    @Test
    void shouldMarkProRequestsForThePriorityLane() {
        gateway.post().uri("/api/command").header("Authorization", TestTokens.bearer(userId, "pro"))
                .bodyValue("{}").exchange().expectStatus().isOk();

        command.verify(postRequestedFor(urlEqualTo("/api/command")).withHeader("X-Priority", equalTo("high"))
                .withHeader("X-User-Plan", equalTo("pro")));
    }

    @Test
    void shouldAnswer503WhenSigningKeysCannotBeFetched() {
        auth.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/.well-known/jwks.json"))
                .willReturn(aResponse().withStatus(500)));
        // an unknown kid makes the gateway re-fetch the key set, which now fails
        String token = TestTokens.sign(TestTokens.generate("rotated-key"),
                TestTokens.claims(userId, "free", TestTokens.ISSUER, java.time.Instant.now().plusSeconds(600)));

        gateway.post().uri("/api/command").header("Authorization", "Bearer " + token).bodyValue("{}").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.code").isEqualTo("service_unavailable");
    }

    @Test
    void shouldLetPublicPathsThroughEvenWithAStaleToken() {
        auth.stubFor(post(urlEqualTo("/api/auth/login")).willReturn(aResponse().withStatus(200)));

        gateway.post().uri("/api/auth/login").header("Authorization", "Bearer " + TestTokens.expired(userId))
                .header("X-User-Id", userId).bodyValue("{}").exchange()
                .expectStatus().isOk();

        LoggedRequest login = auth.findAll(postRequestedFor(urlEqualTo("/api/auth/login"))).getFirst();
        assertThat(login.getHeaders().getHeader("X-User-Id").isPresent()).isFalse();
    }
}

package io.cloudya.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keycloak access tokens at the gateway, against a real Keycloak with the realm in
 * src/test/resources/keycloak. Runs in the {@code keycloak} Maven profile, which unpacks the distribution.
 */
@EnabledIfSystemProperty(named = "keycloak.home", matches = ".+")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "cloudya.health.kafka-bootstrap-servers=127.0.0.1:1")
class KeycloakLoginIT {

    static KeycloakServer keycloak;

    @BeforeAll
    static void startKeycloak() throws Exception {
        keycloak = new KeycloakServer(Path.of(System.getProperty("keycloak.home"))).start();
    }

    @AfterAll
    static void stopKeycloak() throws Exception {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        TestUpstreams.register(registry);
        registry.add("cloudya.auth.keycloak.issuer-uri", () -> keycloak.issuer());
    }

    @LocalServerPort int port;
    WebTestClient gateway;
    WireMockServer auth = TestUpstreams.of("auth-service");
    WireMockServer command = TestUpstreams.of("command-service");
    String cloudyaUserId = UUID.randomUUID().toString();

    @BeforeEach
    void setUp() {
        TestUpstreams.resetAllHealthy();
        command.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        auth.stubFor(post(urlEqualTo("/internal/external-users")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"user_id\":\"" + cloudyaUserId + "\",\"created\":true}")));
        gateway = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(20)).build();
    }

    @Test
    void shouldServeKeycloakUserAsItsCloudyaAccountWithPlanFromRealmRole() throws Exception {
        String token = passwordGrant("cloudya-cli", "alice", "alice-password-1");

        for (int i = 0; i < 2; i++) {
            gateway.post().uri("/api/command").header("Authorization", "Bearer " + token).bodyValue("{}")
                    .exchange().expectStatus().isOk();
        }

        command.verify(2, postRequestedFor(urlEqualTo("/api/command"))
                .withHeader("X-User-Id", equalTo(cloudyaUserId))
                .withHeader("X-User-Plan", equalTo("pro"))
                .withHeader("X-Priority", equalTo("high")));
        auth.verify(1, postRequestedFor(urlEqualTo("/internal/external-users"))
                .withRequestBody(matchingJsonPath("$.issuer", equalTo(keycloak.issuer())))
                .withRequestBody(matchingJsonPath("$.email", equalTo("alice@example.test")))
                .withRequestBody(matchingJsonPath("$.plan", equalTo("pro"))));
    }

    @Test
    void shouldGiveFreePlanToKeycloakUserWithoutPlanRole() throws Exception {
        String token = passwordGrant("cloudya-cli", "bob", "bob-password-1");

        gateway.post().uri("/api/command").header("Authorization", "Bearer " + token).bodyValue("{}")
                .exchange().expectStatus().isOk();

        var forwarded = command.findAll(anyRequestedFor(anyUrl())).getFirst();
        assertThat(forwarded.getHeader("X-User-Plan")).isEqualTo("free");
        assertThat(forwarded.containsHeader("X-Priority")).isFalse();
    }

    @Test
    void shouldRefuseKeycloakTokenIssuedForAnotherAudience() throws Exception {
        String token = passwordGrant("other-app", "alice", "alice-password-1");

        gateway.post().uri("/api/command").header("Authorization", "Bearer " + token).bodyValue("{}")
                .exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("unauthenticated");

        command.verify(0, anyRequestedFor(anyUrl()));
    }

    private static String passwordGrant(String client, String user, String password) throws Exception {
        String form = "grant_type=password&client_id=" + client + "&username=" + user + "&password=" + password
                + "&scope=openid";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(keycloak.issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonMapper.shared().readTree(response.body()).path("access_token").asString();
    }
}

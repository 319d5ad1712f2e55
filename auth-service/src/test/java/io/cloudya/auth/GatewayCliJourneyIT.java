package io.cloudya.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The CLI's whole sign-up story through the real gateway and this real auth-service, with WireMock standing
 * in for command-service: register, login, create an API key, then the CLI's exact request with that key.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@Import(RecordingFastPath.Config.class)
class GatewayCliJourneyIT {

    static WireMockServer command = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    static GatewayProcess gateway;

    @LocalServerPort int authPort;

    @BeforeAll
    static void startCommandStandIn() {
        command.start();
    }

    @AfterAll
    static void stopAll() {
        if (gateway != null) {
            gateway.close();
        }
        command.stop();
    }

    AuthApi gateway() throws Exception {
        if (gateway == null) {
            gateway = GatewayProcess.start("http://127.0.0.1:" + authPort, command.baseUrl());
        }
        return new AuthApi(gateway.baseUrl());
    }

    @Test
    void shouldServeCliRequestSignedWithApiKeyCreatedAfterSignUp() throws Exception {
        command.stubFor(post(urlEqualTo("/api/command")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"answer\":\"kubectl get pods -n web\"}")));
        AuthApi api = gateway();
        String email = AuthApi.newEmail();

        String userId = api.register(email).body().path("user_id").asString();
        String access = api.login(email, AuthApi.STRONG_PASSWORD).body().path("access_token").asString();
        var me = api.get("/api/auth/me", "Authorization", "Bearer " + access);
        String key = api.post("/api/auth/api-keys", Map.of("name", "laptop"), "Authorization", "Bearer " + access)
                .body().path("key").asString();
        var answer = api.post("/api/command",
                Map.of("user_input", "list pods in namespace web", "execution_mode", "suggest"),
                "Authorization", "Bearer " + key);

        assertThat(me.body().path("user_id").asString()).isEqualTo(userId);
        assertThat(key).startsWith("cly_");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("answer").asString()).isEqualTo("kubectl get pods -n web");
        LoggedRequest forwarded = command.findAll(anyRequestedFor(anyUrl())).getLast();
        assertThat(forwarded.getHeader("X-User-Id")).isEqualTo(userId);
        assertThat(forwarded.getHeader("X-User-Plan")).isEqualTo("free");
        assertThat(forwarded.containsHeader("Authorization")).isFalse();
    }

    @Test
    void shouldRefuseApiKeyWithinSecondsOfItsRevocation() throws Exception {
        command.stubFor(post(urlEqualTo("/api/command")).willReturn(aResponse().withStatus(200)));
        AuthApi api = gateway();
        String email = AuthApi.newEmail();
        api.register(email);
        String access = api.login(email, AuthApi.STRONG_PASSWORD).body().path("access_token").asString();
        var created = api.post("/api/auth/api-keys", Map.of("name", "old"), "Authorization", "Bearer " + access);
        String key = created.body().path("key").asString();
        assertThat(cli(api, key)).isEqualTo(200);

        api.delete("/api/auth/api-keys/" + created.body().path("id").asString(), "Authorization", "Bearer " + access);
        long revokedAt = System.nanoTime();
        int status = 200;
        while (status == 200 && System.nanoTime() - revokedAt < Duration.ofSeconds(5).toNanos()) {
            Thread.sleep(100);
            status = cli(api, key);
        }

        assertThat(status).isEqualTo(401);
    }

    @Test
    void shouldRevokeRefreshFamilyOnReuseThroughTheGateway() throws Exception {
        AuthApi api = gateway();
        String email = AuthApi.newEmail();
        api.register(email);
        String first = api.login(email, AuthApi.STRONG_PASSWORD).body().path("refresh_token").asString();
        String second = api.post("/api/auth/refresh", Map.of("refresh_token", first)).body().path("refresh_token")
                .asString();

        var reuse = api.post("/api/auth/refresh", Map.of("refresh_token", first));
        var legit = api.post("/api/auth/refresh", Map.of("refresh_token", second));

        assertThat(reuse.status()).isEqualTo(401);
        assertThat(legit.status()).isEqualTo(401);
    }

    private static int cli(AuthApi api, String key) {
        return api.post("/api/command", Map.of("user_input", "ls", "execution_mode", "suggest"),
                "Authorization", "Bearer " + key).status();
    }
}

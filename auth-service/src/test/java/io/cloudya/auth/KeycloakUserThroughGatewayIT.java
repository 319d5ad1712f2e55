package io.cloudya.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.cloudya.contracts.EventJson;
import io.cloudya.contracts.auth.UserRegistered;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Keycloak users end to end: a real Keycloak's tokens (the {@code keycloak} Maven profile; realm in src/test/resources/
 * keycloak) through the real gateway jar to this real auth-service and its database; WireMock plays command-service.
 */
@EnabledIfSystemProperty(named = "keycloak.home", matches = ".+")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@Import(RecordingFastPath.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeycloakUserThroughGatewayIT {

    @LocalServerPort int authPort;
    @Autowired JdbcClient jdbc;
    @Autowired RecordingFastPath events;
    final WireMockServer command = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    KeycloakServer keycloak;
    GatewayProcess gateway;
    AuthApi api;

    @BeforeAll
    void startKeycloakAndGateway() throws Exception {
        forgetRealmUsers();
        command.start();
        command.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        keycloak = new KeycloakServer(Path.of(System.getProperty("keycloak.home"))).start();
        // no account cache at the gateway: every request reaches auth-service, so a duplicate could not hide behind it
        gateway = GatewayProcess.start("http://127.0.0.1:" + authPort, command.baseUrl(),
                "--cloudya.auth.keycloak.issuer-uri=" + keycloak.issuer(),
                "--cloudya.auth.keycloak.account-cache-ttl=0s");
        api = new AuthApi(gateway.baseUrl());
    }

    @AfterAll
    void stopAll() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
        command.stop();
    }

    @Test
    void shouldCreateCloudyaAccountOnFirstSightOfKeycloakUserWithPlanFromRealmRole() throws Exception {
        String token = keycloak.passwordGrant("cloudya-cli", "alice", "alice-password-1");

        AuthApi.Response first = me(token);
        AuthApi.Response second = me(token);

        String userId = first.body().path("user_id").asString();
        assertThat(first.status()).as(first.raw().body()).isEqualTo(200);
        assertThat(first.body().path("email").asString()).isEqualTo("alice@example.test");
        assertThat(first.body().path("plan").asString()).isEqualTo("pro");
        assertThat(second.body().path("user_id").asString()).isEqualTo(userId);
        assertThat(jdbc.sql("SELECT CAST(u.id AS text) FROM app_user u JOIN external_identity e ON e.user_id = u.id "
                + "WHERE e.issuer = :issuer AND u.email = 'alice@example.test'").param("issuer", keycloak.issuer())
                .query(String.class).list()).containsExactly(userId);
        assertThat(events.messagesFor(userId)).singleElement().satisfies(message -> assertThat(EventJson.read(
                message.json()).payload()).isEqualTo(new UserRegistered(userId, "alice@example.test", "pro")));
    }

    @Test
    void shouldGiveKeycloakUserThePlanOfItsOwnRealmRoleAndFreeWithoutOne() throws Exception {
        AuthApi.Response carol = me(keycloak.passwordGrant("cloudya-cli", "carol", "carol-password-1"));
        AuthApi.Response bob = me(keycloak.passwordGrant("cloudya-cli", "bob", "bob-password-1"));

        assertThat(carol.status()).as(carol.raw().body()).isEqualTo(200);
        assertThat(carol.body().path("plan").asString()).isEqualTo("starter");
        assertThat(bob.body().path("plan").asString()).isEqualTo("free");
    }

    @Test
    void shouldForwardKeycloakUserAsItsCloudyaAccountWithPriorityOnlyForPriorityPlans() throws Exception {
        String dave = keycloak.passwordGrant("cloudya-cli", "dave", "dave-password-1");
        String carol = keycloak.passwordGrant("cloudya-cli", "carol", "carol-password-1");

        assertThat(cli(dave)).isEqualTo(200);
        assertThat(cli(carol)).isEqualTo(200);

        command.verify(1, postRequestedFor(urlEqualTo("/api/command"))
                .withHeader("X-User-Id", equalTo(me(dave).body().path("user_id").asString()))
                .withHeader("X-User-Plan", equalTo("enterprise")).withHeader("X-Priority", equalTo("high"))
                .withoutHeader("Authorization"));
        command.verify(1, postRequestedFor(urlEqualTo("/api/command"))
                .withHeader("X-User-Id", equalTo(me(carol).body().path("user_id").asString()))
                .withHeader("X-User-Plan", equalTo("starter")).withoutHeader("X-Priority"));
    }

    @Test
    void shouldRefuseKeycloakTokenIssuedForAnotherAudience() throws Exception {
        String token = keycloak.passwordGrant("other-app", "alice", "alice-password-1");

        int status = api.post("/api/command/other-audience", Map.of(), "Authorization", "Bearer " + token).status();

        assertThat(status).isEqualTo(401);
        command.verify(0, anyRequestedFor(urlEqualTo("/api/command/other-audience")));
    }

    // each run meets the realm's users afresh: the database outlives runs, and their old accounts (an earlier run's
    // issuer port) would make first sight a conflict. Only the first test gets alice past the gateway: her first sight.
    private void forgetRealmUsers() {
        List<String> emails =
                List.of("alice@example.test", "bob@example.test", "carol@example.test", "dave@example.test");
        jdbc.sql("DELETE FROM external_identity WHERE user_id IN (SELECT id FROM app_user WHERE email IN (:emails))")
                .param("emails", emails).update();
        jdbc.sql("DELETE FROM app_user WHERE email IN (:emails)").param("emails", emails).update();
    }

    private AuthApi.Response me(String token) {
        return api.get("/api/auth/me", "Authorization", "Bearer " + token);
    }

    private int cli(String token) {
        return api.post("/api/command", Map.of("user_input", "list pods in namespace web", "execution_mode", "suggest"),
                "Authorization", "Bearer " + token).status();
    }
}

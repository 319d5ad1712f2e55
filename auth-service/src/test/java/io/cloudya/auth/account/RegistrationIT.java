package io.cloudya.auth.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudya.auth.AuthApi;
import io.cloudya.auth.RecordingFastPath;
import io.cloudya.contracts.EventJson;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.auth.UserRegistered;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@Import(RecordingFastPath.Config.class)
class RegistrationIT {

    @LocalServerPort int port;
    @Autowired RecordingFastPath events;
    @Autowired JdbcClient jdbc;
    AuthApi api;

    @BeforeEach
    void setUp() {
        api = new AuthApi("http://127.0.0.1:" + port);
    }

    @Test
    void shouldCreateFreeAccountWithArgon2HashAndAnnounceUserRegistered() {
        String email = AuthApi.newEmail();

        var response = api.register(email.toUpperCase());

        assertThat(response.status()).isEqualTo(201);
        String userId = response.body().path("user_id").asString();
        assertThat(response.body().path("email").asString()).isEqualTo(email);
        assertThat(response.body().path("plan").asString()).isEqualTo("free");
        assertThat(response.body().has("password_hash")).isFalse();
        String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE email = ?").param(email)
                .query(String.class).single();
        assertThat(hash).startsWith("$argon2id$").doesNotContain(AuthApi.STRONG_PASSWORD);
        var published = events.messagesFor(userId);
        assertThat(published).singleElement().satisfies(message -> {
            assertThat(message.topic()).isEqualTo(Topics.USER_EVENTS);
            assertThat(EventJson.read(message.json()).payload()).isEqualTo(new UserRegistered(userId, email, "free"));
        });
    }

    @Test
    void shouldRejectDuplicateEmailIgnoringCaseWith409() {
        String email = AuthApi.newEmail();
        api.register(email);

        var again = api.register(email.toUpperCase());

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().path("code").asString()).isEqualTo("email_taken");
    }

    @Test
    void shouldRejectWeakPasswordsAndBadEmailsWithoutCreatingAccounts() {
        String email = AuthApi.newEmail();
        for (String weak : new String[] {"short1!", "onlyletterslongenough", "123456789012345", "aaaaaaaaaaa1",
                email.substring(0, email.indexOf('@')) + "X9!"}) {
            var response = api.post("/api/auth/register", Map.of("email", email, "password", weak));
            assertThat(response.status()).as(weak).isEqualTo(400);
            assertThat(response.body().path("code").asString()).as(weak).isEqualTo("weak_password");
        }
        var badEmail = api.post("/api/auth/register", Map.of("email", "not-an-email", "password",
                AuthApi.STRONG_PASSWORD));
        assertThat(badEmail.body().path("code").asString()).isEqualTo("invalid_email");
        assertThat(jdbc.sql("SELECT count(*) FROM app_user WHERE email = ?").param(email).query(Long.class).single())
                .isZero();
    }

    @Test
    void shouldDescribeCallerAccountWithPlanAndFeatures() {
        String email = AuthApi.newEmail();
        String userId = api.register(email).body().path("user_id").asString();

        var me = api.get("/api/auth/me", "X-User-Id", userId);

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().path("email").asString()).isEqualTo(email);
        assertThat(me.body().path("plan").asString()).isEqualTo("free");
        assertThat(me.body().path("features").toString()).contains("suggest").contains("explain")
                .doesNotContain("chat").doesNotContain("execute");
    }

    @Test
    void shouldAnswerMeWithoutGatewayIdentityWith401() {
        var me = api.get("/api/auth/me");

        assertThat(me.status()).isEqualTo(401);
        assertThat(me.body().path("code").asString()).isEqualTo("unauthenticated");
    }
}

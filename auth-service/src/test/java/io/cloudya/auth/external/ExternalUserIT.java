package io.cloudya.auth.external;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudya.auth.AuthApi;
import io.cloudya.auth.RecordingFastPath;
import io.cloudya.contracts.EventJson;
import io.cloudya.contracts.auth.UserRegistered;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@Import(RecordingFastPath.Config.class)
class ExternalUserIT {

    static final String KEYCLOAK = "http://127.0.0.1:8180/realms/cloudya";

    @LocalServerPort int port;
    @Autowired RecordingFastPath events;
    AuthApi api;

    @BeforeEach
    void setUp() {
        api = new AuthApi("http://127.0.0.1:" + port);
    }

    @Test
    void shouldCreateAccountOnFirstSightAndReuseItAfterwards() {
        String subject = UUID.randomUUID().toString();
        String email = AuthApi.newEmail();

        var first = resolve(subject, email, "pro");
        var second = resolve(subject, email, "pro");

        String userId = first.body().path("user_id").asString();
        assertThat(first.body().path("created").asBoolean()).isTrue();
        assertThat(second.body().path("created").asBoolean()).isFalse();
        assertThat(second.body().path("user_id").asString()).isEqualTo(userId);
        assertThat(events.messagesFor(userId)).singleElement().satisfies(message -> assertThat(
                EventJson.read(message.json()).payload()).isEqualTo(new UserRegistered(userId, email, "pro")));
        assertThat(api.login(email, AuthApi.STRONG_PASSWORD).status()).as("no password to sign in with")
                .isEqualTo(401);
    }

    @Test
    void shouldRefuseToLinkExternalIdentityToExistingPasswordAccount() {
        String email = AuthApi.newEmail();
        api.register(email);

        var conflict = resolve(UUID.randomUUID().toString(), email, "enterprise");

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.body().path("code").asString()).isEqualTo("account_conflict");
    }

    private AuthApi.Response resolve(String subject, String email, String plan) {
        return api.post("/internal/external-users",
                Map.of("issuer", KEYCLOAK, "subject", subject, "email", email, "plan", plan));
    }
}

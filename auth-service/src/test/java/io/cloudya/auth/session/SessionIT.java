package io.cloudya.auth.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudya.auth.AuthApi;
import io.cloudya.auth.RecordingFastPath;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** Signed-in sessions: refresh-token rotation, reuse detection and logout. Signing in itself: {@link LoginIT}. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@Import(RecordingFastPath.Config.class)
class SessionIT {

    @LocalServerPort int port;
    AuthApi api;
    String email;
    String userId;

    @BeforeEach
    void setUp() {
        api = new AuthApi("http://127.0.0.1:" + port);
        email = AuthApi.newEmail();
        userId = api.register(email).body().path("user_id").asString();
    }

    @Test
    void shouldRotateRefreshTokenOnEveryUse() {
        String first = api.login(email, AuthApi.STRONG_PASSWORD).body().path("refresh_token").asString();

        var refreshed = refresh(first);

        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.body().path("access_token").asString()).isNotBlank();
        assertThat(refreshed.body().path("refresh_token").asString()).isNotEqualTo(first);
    }

    @Test
    void shouldRevokeWholeFamilyWhenSpentRefreshTokenIsReused() {
        String first = api.login(email, AuthApi.STRONG_PASSWORD).body().path("refresh_token").asString();
        String second = refresh(first).body().path("refresh_token").asString();

        var reuse = refresh(first);
        var afterReuse = refresh(second);

        assertThat(reuse.status()).isEqualTo(401);
        assertThat(reuse.body().path("code").asString()).isEqualTo("invalid_refresh_token");
        assertThat(afterReuse.status()).as("the legitimate newest token dies with its family").isEqualTo(401);
    }

    @Test
    void shouldLeaveOtherSessionsAliveWhenOneFamilyIsRevoked() {
        String laptop = api.login(email, AuthApi.STRONG_PASSWORD).body().path("refresh_token").asString();
        String phone = api.login(email, AuthApi.STRONG_PASSWORD).body().path("refresh_token").asString();
        refresh(laptop);
        refresh(laptop);

        assertThat(refresh(phone).status()).isEqualTo(200);
    }

    @Test
    void shouldRevokeRefreshTokenOnLogout() {
        String token = api.login(email, AuthApi.STRONG_PASSWORD).body().path("refresh_token").asString();

        var logout = api.post("/api/auth/logout", Map.of("refresh_token", token), "X-User-Id", userId);

        assertThat(logout.status()).isEqualTo(204);
        assertThat(refresh(token).status()).isEqualTo(401);
    }

    @Test
    void shouldNotLetAnotherUserLogSomeoneOut() {
        String token = api.login(email, AuthApi.STRONG_PASSWORD).body().path("refresh_token").asString();
        String other = api.register(AuthApi.newEmail()).body().path("user_id").asString();

        api.post("/api/auth/logout", Map.of("refresh_token", token), "X-User-Id", other);

        assertThat(refresh(token).status()).isEqualTo(200);
    }

    private AuthApi.Response refresh(String token) {
        return api.post("/api/auth/refresh", Map.of("refresh_token", token));
    }
}

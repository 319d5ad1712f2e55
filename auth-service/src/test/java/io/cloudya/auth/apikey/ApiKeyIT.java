package io.cloudya.auth.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudya.auth.AuthApi;
import io.cloudya.auth.RecordingFastPath;
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
class ApiKeyIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    AuthApi api;
    String userId;

    @BeforeEach
    void setUp() {
        api = new AuthApi("http://127.0.0.1:" + port);
        userId = api.register(AuthApi.newEmail()).body().path("user_id").asString();
    }

    @Test
    void shouldShowNewKeyOnceAndStoreOnlyItsHash() {
        var created = create("laptop");

        String key = created.body().path("key").asString();
        assertThat(created.status()).isEqualTo(201);
        assertThat(key).matches("cly_[A-Za-z0-9_-]{43}");
        assertThat(created.body().path("prefix").asString()).isEqualTo(key.substring(0, 10));
        var listed = api.get("/api/auth/api-keys", "X-User-Id", userId);
        assertThat(listed.body().size()).isEqualTo(1);
        assertThat(listed.body().get(0).path("name").asString()).isEqualTo("laptop");
        assertThat(listed.raw().body()).doesNotContain(key);
        assertThat(jdbc.sql("SELECT count(*) FROM api_key WHERE encode(key_hash, 'escape') LIKE ?")
                .param("%" + key + "%").query(Long.class).single()).isZero();
    }

    @Test
    void shouldVerifyLiveKeyToItsOwnerAndPlanAndStampLastUse() {
        String key = create("ci").body().path("key").asString();

        var verified = verify(key);

        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.body().path("user_id").asString()).isEqualTo(userId);
        assertThat(verified.body().path("plan").asString()).isEqualTo("free");
        var listed = api.get("/api/auth/api-keys", "X-User-Id", userId);
        assertThat(listed.body().get(0).path("last_used_at").isNull()).isFalse();
    }

    @Test
    void shouldRejectRevokedUnknownAndMalformedKeys() {
        String key = create("old").body().path("key").asString();
        String id = api.get("/api/auth/api-keys", "X-User-Id", userId).body().get(0).path("id").asString();

        var revoke = api.delete("/api/auth/api-keys/" + id, "X-User-Id", userId);

        assertThat(revoke.status()).isEqualTo(204);
        assertThat(verify(key).status()).isEqualTo(401);
        assertThat(verify(key).body().path("code").asString()).isEqualTo("invalid_api_key");
        assertThat(verify("cly_" + "x".repeat(43)).status()).isEqualTo(401);
        assertThat(verify("not-a-key").status()).isEqualTo(401);
        assertThat(api.get("/api/auth/api-keys", "X-User-Id", userId).body().size()).isZero();
    }

    @Test
    void shouldNotLetAnotherUserRevokeOrSeeAKey() {
        String key = create("mine").body().path("key").asString();
        String id = api.get("/api/auth/api-keys", "X-User-Id", userId).body().get(0).path("id").asString();
        String other = api.register(AuthApi.newEmail()).body().path("user_id").asString();

        var revoke = api.delete("/api/auth/api-keys/" + id, "X-User-Id", other);

        assertThat(revoke.status()).isEqualTo(404);
        assertThat(api.get("/api/auth/api-keys", "X-User-Id", other).body().size()).isZero();
        assertThat(verify(key).status()).isEqualTo(200);
    }

    @Test
    void shouldRequireGatewayIdentityToCreateKeys() {
        var anonymous = api.post("/api/auth/api-keys", Map.of("name", "x"));

        assertThat(anonymous.status()).isEqualTo(401);
    }

    private AuthApi.Response create(String name) {
        return api.post("/api/auth/api-keys", Map.of("name", name), "X-User-Id", userId);
    }

    private AuthApi.Response verify(String key) {
        return api.post("/internal/api-keys/verify", Map.of("key", key));
    }
}

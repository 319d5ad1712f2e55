package io.cloudya.auth.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.cloudya.auth.AuthApi;
import io.cloudya.auth.RecordingFastPath;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** Signing in: the token it issues, how that verifies, and how repeated failures lock an account or an address. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@Import(RecordingFastPath.Config.class)
class LoginIT {

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
    void shouldIssueEs256AccessTokenVerifiableWithPublishedJwks() throws Exception {
        var login = api.login(email, AuthApi.STRONG_PASSWORD);

        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body().path("token_type").asString()).isEqualTo("Bearer");
        assertThat(login.body().path("expires_in").asLong()).isEqualTo(900);
        SignedJWT jwt = SignedJWT.parse(login.body().path("access_token").asString());
        JWKSet jwks = JWKSet.parse(api.get("/.well-known/jwks.json").raw().body());
        ECKey key = (ECKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(key.isPrivate()).isFalse();
        assertThat(jwt.verify(new ECDSAVerifier(key))).isTrue();
        var claims = jwt.getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo(userId);
        assertThat(claims.getIssuer()).isEqualTo("http://127.0.0.1:8081");
        assertThat(claims.getAudience()).containsExactly("cloudya-api");
        assertThat(claims.getStringClaim("plan")).isEqualTo("free");
        assertThat(claims.getExpirationTime().toInstant()).isBefore(Instant.now().plusSeconds(901));
    }

    @Test
    void shouldPublishDiscoveryDocumentPointingAtJwks() {
        var discovery = api.get("/.well-known/openid-configuration");

        assertThat(discovery.body().path("issuer").asString()).isEqualTo("http://127.0.0.1:8081");
        assertThat(discovery.body().path("jwks_uri").asString())
                .isEqualTo("http://127.0.0.1:8081/.well-known/jwks.json");
    }

    @Test
    void shouldRejectWrongPasswordAndUnknownEmailAlike() {
        var wrong = api.login(email, "wrong password 123");
        var unknown = api.login(AuthApi.newEmail(), AuthApi.STRONG_PASSWORD);

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo(unknown.body());
    }

    @Test
    void shouldLockAccountAfterRepeatedFailuresEvenForTheRightPassword() {
        for (int i = 0; i < 5; i++) {
            assertThat(api.login(email, "wrong password " + i).status()).isEqualTo(401);
        }

        var locked = api.login(email, AuthApi.STRONG_PASSWORD);

        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.body().path("code").asString()).isEqualTo("too_many_attempts");
        assertThat(Long.parseLong(locked.raw().headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 900L);
    }

    @Test
    void shouldLockClientAddressThatTriesManyAccounts() {
        String address = "test-" + java.util.UUID.randomUUID();
        for (int i = 0; i < 20; i++) {
            api.post("/api/auth/login", Map.of("email", AuthApi.newEmail(), "password", "guess 123456"),
                    "X-Forwarded-For", address);
        }

        var fromThatAddress = api.post("/api/auth/login", Map.of("email", email, "password",
                AuthApi.STRONG_PASSWORD), "X-Forwarded-For", "198.51.100.7, " + address);
        var fromElsewhere = api.login(email, AuthApi.STRONG_PASSWORD);

        assertThat(fromThatAddress.status()).isEqualTo(429);
        assertThat(fromElsewhere.status()).isEqualTo(200);
    }
}

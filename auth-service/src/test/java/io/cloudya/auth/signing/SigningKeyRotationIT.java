package io.cloudya.auth.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.cloudya.auth.AuthApi;
import io.cloudya.auth.RecordingFastPath;
import java.util.UUID;
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
class SigningKeyRotationIT {

    @LocalServerPort int port;
    @Autowired SigningKeys keys;
    @Autowired AccessTokens tokens;

    @Test
    void shouldSignWithNewKeyAndKeepPreviousPublishedAfterRotation() throws Exception {
        SignedJWT before = SignedJWT.parse(tokens.issue(UUID.randomUUID(), "a@example.test", "free").value());

        keys.rotateNow();
        SignedJWT after = SignedJWT.parse(tokens.issue(UUID.randomUUID(), "a@example.test", "free").value());

        assertThat(after.getHeader().getKeyID()).isNotEqualTo(before.getHeader().getKeyID());
        JWKSet jwks = JWKSet.parse(new AuthApi("http://127.0.0.1:" + port).get("/.well-known/jwks.json").raw().body());
        assertThat(jwks.getKeys()).hasSize(2).noneMatch(key -> key.isPrivate());
        for (SignedJWT jwt : new SignedJWT[] {before, after}) {
            ECKey key = (ECKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
            assertThat(jwt.verify(new ECDSAVerifier(key))).isTrue();
        }
    }
}

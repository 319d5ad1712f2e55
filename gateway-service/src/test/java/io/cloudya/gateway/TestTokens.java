package io.cloudya.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * Access tokens as auth-service issues them (ES256, iss http://127.0.0.1:8081, aud cloudya-api), signed by a
 * key whose public half the auth-service WireMock serves as its JWKS; plus the forgeries the gateway must refuse.
 */
public final class TestTokens {

    public static final String ISSUER = "http://127.0.0.1:8081";
    static final ECKey KEY = generate("auth-key-1");
    /** Same kid as the real key, different key material: a forged signature. */
    static final ECKey STRANGER = generate("auth-key-1");

    private TestTokens() {
    }

    /** Serves the signing key's public half where the gateway looks for it. */
    public static void stubJwks(WireMockServer auth) {
        auth.stubFor(get(urlEqualTo("/.well-known/jwks.json")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody(new JWKSet(KEY.toPublicJWK()).toString())));
    }

    /** A valid token for a brand-new user: each call is its own rate-limit bucket too. */
    public static String bearerForNewUser(String plan) {
        return bearer(UUID.randomUUID().toString(), plan);
    }

    public static String bearer(String userId, String plan) {
        return "Bearer " + sign(KEY, claims(userId, plan, ISSUER, Instant.now().plus(Duration.ofMinutes(15))));
    }

    static String expired(String userId) {
        return sign(KEY, claims(userId, "free", ISSUER, Instant.now().minus(Duration.ofMinutes(5))));
    }

    static String foreignIssuer(String userId) {
        return sign(KEY, claims(userId, "free", "https://evil.example/auth", Instant.now().plusSeconds(600)));
    }

    static String badSignature(String userId) {
        return sign(STRANGER, claims(userId, "free", ISSUER, Instant.now().plusSeconds(600)));
    }

    /** An unsecured JWT ({@code alg: none}) claiming to be enterprise. */
    static String algNone(String userId) {
        return new com.nimbusds.jwt.PlainJWT(claims(userId, "enterprise", ISSUER, Instant.now().plusSeconds(600)))
                .serialize();
    }

    static JWTClaimsSet claims(String userId, String plan, String issuer, Instant expiresAt) {
        Instant issued = expiresAt.minus(Duration.ofMinutes(15));
        return new JWTClaimsSet.Builder().issuer(issuer).subject(userId).audience("cloudya-api")
                .issueTime(Date.from(issued)).expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString()).claim("plan", plan).build();
    }

    static String sign(ECKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
                    claims);
            jwt.sign(new ECDSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static ECKey generate(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}

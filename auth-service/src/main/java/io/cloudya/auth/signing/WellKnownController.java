package io.cloudya.auth.signing;

import com.nimbusds.jose.jwk.JWKSet;
import io.cloudya.auth.config.AuthProperties;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public key set and an OpenID discovery document, so the gateway (or any service) verifies our tokens
 * as a standard OAuth2 resource server. Short caching: verifiers also re-fetch when they meet an unknown kid.
 */
@RestController
class WellKnownController {

    private final SigningKeys keys;
    private final AuthProperties properties;

    WellKnownController(SigningKeys keys, AuthProperties properties) {
        this.keys = keys;
        this.properties = properties;
    }

    @GetMapping("/.well-known/jwks.json")
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)))
                .body(new JWKSet(List.copyOf(keys.published())).toJSONObject(true));
    }

    @GetMapping("/.well-known/openid-configuration")
    Map<String, Object> discovery() {
        String issuer = properties.issuer().toString();
        return Map.of(
                "issuer", issuer,
                "jwks_uri", issuer + "/.well-known/jwks.json",
                "token_endpoint", issuer + "/api/auth/login",
                "userinfo_endpoint", issuer + "/api/auth/me",
                "subject_types_supported", List.of("public"),
                "id_token_signing_alg_values_supported", List.of("ES256"),
                "response_types_supported", List.of("token"),
                "claims_supported", List.of("iss", "sub", "aud", "exp", "iat", "nbf", "jti", "plan", "email"));
    }
}

package io.cloudya.gateway.identity;

import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;

/**
 * Expiry, issuer and audience: Spring checks the first two by default but never {@code aud} unless told.
 * Also turns "could not fetch the keys" into a service failure (503), not a 500 or a wrong 401.
 */
final class TokenValidators {

    private TokenValidators() {
    }

    static OAuth2TokenValidator<Jwt> issuerAndAudience(String issuer, String audience) {
        OAuth2TokenValidator<Jwt> aud = new JwtClaimValidator<List<String>>("aud",
                values -> values != null && values.contains(audience));
        return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer), aud);
    }

    /** Nimbus reports an unreachable or unreadable JWKS as IllegalStateException; Spring maps JwtException to 503. */
    static ReactiveJwtDecoder keyFailuresAsUnavailable(ReactiveJwtDecoder decoder) {
        return token -> decoder.decode(token).onErrorMap(IllegalStateException.class,
                failure -> new JwtException("The token's signing keys could not be fetched", failure));
    }
}

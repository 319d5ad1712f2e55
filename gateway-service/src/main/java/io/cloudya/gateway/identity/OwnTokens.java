package io.cloudya.gateway.identity;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import reactor.core.publisher.Mono;

/**
 * Verifies auth-service's access tokens against its JWKS (ES256 only: a token claiming another algorithm,
 * or none, is refused before any key is tried). Nimbus re-fetches the JWKS when it meets an unknown kid,
 * which is how a rotated key is picked up.
 */
final class OwnTokens {

    private OwnTokens() {
    }

    static JwtReactiveAuthenticationManager manager(AuthProperties properties, VerifiedJwtCache verifiedJwts) {
        var decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwksUri().toString())
                .jwsAlgorithm(SignatureAlgorithm.ES256).build();
        decoder.setJwtValidator(TokenValidators.issuerAndAudience(properties.issuer(), properties.audience()));
        var manager = new JwtReactiveAuthenticationManager(
                verifiedJwts.around(TokenValidators.keyFailuresAsUnavailable(decoder)));
        manager.setJwtAuthenticationConverter(jwt -> Mono.just(new IdentityAuthentication(new VerifiedIdentity(
                jwt.getSubject(), Plans.normalise(jwt.getClaimAsString("plan")), "jwt"))));
        return manager;
    }
}

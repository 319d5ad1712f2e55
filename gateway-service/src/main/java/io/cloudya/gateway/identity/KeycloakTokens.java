package io.cloudya.gateway.identity;

import io.cloudya.gateway.apikey.AuthServiceClient;
import java.util.Collection;
import java.util.Map;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;

/**
 * Verifies Keycloak access tokens (keys found through the realm's discovery document, fetched lazily so the
 * gateway starts while Keycloak is down). The plan is the best plan-named realm role; the Cloudya user id
 * comes from auth-service, which creates the account on first sight.
 */
final class KeycloakTokens {

    private KeycloakTokens() {
    }

    static JwtReactiveAuthenticationManager manager(AuthProperties.Keycloak keycloak, AuthServiceClient accounts,
                                                    VerifiedJwtCache verifiedJwts) {
        var decoder = NimbusReactiveJwtDecoder.withIssuerLocation(keycloak.issuerUri()).build();
        decoder.setJwtValidator(TokenValidators.issuerAndAudience(keycloak.issuerUri(), keycloak.audience()));
        var manager = new JwtReactiveAuthenticationManager(
                verifiedJwts.around(TokenValidators.keyFailuresAsUnavailable(decoder)));
        manager.setJwtAuthenticationConverter(jwt -> {
            String plan = plan(jwt);
            return accounts.resolveExternal(keycloak.issuerUri(), jwt.getSubject(), jwt.getClaimAsString("email"),
                    plan).map(userId -> new IdentityAuthentication(new VerifiedIdentity(userId, plan, "keycloak")));
        });
        return manager;
    }

    static String plan(Jwt jwt) {
        Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
        if (realmAccess == null || !(realmAccess.get("roles") instanceof Collection<?> roles)) {
            return Plans.FREE;
        }
        return Plans.BEST_FIRST.stream().filter(roles::contains).findFirst().orElse(Plans.FREE);
    }
}

package io.cloudya.gateway.identity;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cloudya.auth.*}: how the gateway verifies credentials. Own JWTs: {@code issuer} + {@code jwks-uri};
 * CLI keys: auth-service at {@code service-uri}, verdicts cached {@code api-key-cache-ttl}, a key's last good verdict
 * still honoured for {@code api-key-stale-limit} while auth-service cannot answer (0: never); Keycloak tokens
 * are accepted only when {@code keycloak.issuer-uri} is set. {@code dev-keys} (empty unless configured; never in
 * production) maps fixed {@code cly_} keys to {@code userId:plan} for local runs without auth-service.
 */
@ConfigurationProperties("cloudya.auth")
public record AuthProperties(@DefaultValue("http://127.0.0.1:8081") String issuer,
                             URI jwksUri,
                             URI serviceUri,
                             @DefaultValue("cloudya-api") String audience,
                             @DefaultValue("5s") Duration apiKeyCacheTtl,
                             @DefaultValue("5m") Duration apiKeyStaleLimit,
                             @DefaultValue("2s") Duration serviceTimeout,
                             @DefaultValue Keycloak keycloak,
                             Map<String, String> devKeys) {

    public AuthProperties {
        devKeys = devKeys == null ? Map.of() : Map.copyOf(devKeys);
    }

    /** An external issuer; {@code account-cache-ttl} bounds how long a user-id mapping is remembered. */
    public record Keycloak(String issuerUri,
                           @DefaultValue("cloudya-api") String audience,
                           @DefaultValue("10m") Duration accountCacheTtl) {

        public boolean enabled() {
            return issuerUri != null && !issuerUri.isBlank();
        }
    }
}

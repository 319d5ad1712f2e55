package io.cloudya.gateway.apikey;

import io.cloudya.gateway.identity.Plans;
import io.cloudya.gateway.identity.VerifiedIdentity;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads {@code cloudya.auth.dev-keys} ({@code cly_dev: "<user-uuid>:<plan>"}). A local convenience, off unless
 * set: such a key is not checked with auth-service, so it can never be revoked.
 */
final class DevKeys {

    private DevKeys() {
    }

    static Map<String, VerifiedIdentity> parse(Map<String, String> configured) {
        Map<String, VerifiedIdentity> keys = new HashMap<>();
        configured.forEach((key, owner) -> {
            if (!key.startsWith(ApiKeyAuthenticationManager.PREFIX)) {
                throw new IllegalArgumentException("cloudya.auth.dev-keys: keys must start with cly_");
            }
            String[] parts = owner.split(":", 2);
            String plan = parts.length > 1 ? Plans.normalise(parts[1]) : Plans.FREE;
            keys.put(key, new VerifiedIdentity(parts[0].trim(), plan, "dev-key"));
        });
        return Map.copyOf(keys);
    }
}

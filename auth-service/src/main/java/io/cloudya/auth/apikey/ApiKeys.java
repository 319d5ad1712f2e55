package io.cloudya.auth.apikey;

import io.cloudya.auth.account.UserRepository;
import io.cloudya.auth.crypto.Secrets;
import io.cloudya.auth.web.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * CLI API keys: {@code cly_} + 43 base64url characters (256 random bits). The prefix makes a leaked key easy
 * to recognise (secret scanners, logs); the first characters after it are kept for the user's key list.
 */
@Component
class ApiKeys {

    static final String PREFIX = "cly_";
    private static final int SHOWN = PREFIX.length() + 6;
    private static final int MAX_LIVE_KEYS = 25;

    private final ApiKeyRepository keys;
    private final UserRepository users;
    private final Clock clock;

    ApiKeys(ApiKeyRepository keys, UserRepository users, Clock clock) {
        this.keys = keys;
        this.users = users;
        this.clock = clock;
    }

    @Transactional
    CreatedApiKey create(UUID userId, String name) {
        String label = name == null || name.isBlank() ? "cli" : name.trim();
        if (label.length() > 100) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid_name", "A key name has at most 100 characters");
        }
        if (keys.listLive(userId).size() >= MAX_LIVE_KEYS) {
            throw new ApiException(HttpStatus.CONFLICT, "too_many_keys", "Revoke an unused key before creating more");
        }
        String key = PREFIX + Secrets.random();
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        keys.insert(id, userId, label, key.substring(0, SHOWN), Secrets.sha256(key), now);
        return new CreatedApiKey(id, label, key, key.substring(0, SHOWN), now);
    }

    List<ApiKeyView> list(UUID userId) {
        return keys.listLive(userId);
    }

    void revoke(UUID userId, UUID keyId) {
        if (!keys.revoke(userId, keyId, clock.instant())) {
            throw new ApiException(HttpStatus.NOT_FOUND, "not_found", "No such API key");
        }
    }

    @Transactional
    Optional<VerifiedApiKey> verify(String key) {
        if (key == null || !key.startsWith(PREFIX) || key.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return keys.useLive(Secrets.sha256(key), now)
                .flatMap(owner -> users.findById(owner.userId()))
                .map(user -> new VerifiedApiKey(user.id(), user.effectivePlan(now)));
    }
}

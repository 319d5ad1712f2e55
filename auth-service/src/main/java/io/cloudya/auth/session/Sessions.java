package io.cloudya.auth.session;

import io.cloudya.auth.account.UserAccount;
import io.cloudya.auth.account.UserRepository;
import io.cloudya.auth.config.AuthProperties;
import io.cloudya.auth.crypto.Secrets;
import io.cloudya.auth.session.RefreshTokenRepository.StoredRefreshToken;
import io.cloudya.auth.signing.AccessToken;
import io.cloudya.auth.signing.AccessTokens;
import io.cloudya.auth.web.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-in sessions as refresh-token families. Each refresh spends its token and issues the next one in the
 * same family; presenting a spent token means it was copied, so the whole family is revoked (OAuth 2.0
 * Security BCP, refresh token rotation) and both the thief and the user must sign in again.
 */
@Component
class Sessions {

    private final RefreshTokenRepository tokens;
    private final UserRepository users;
    private final AccessTokens accessTokens;
    private final AuthProperties properties;
    private final Clock clock;

    Sessions(RefreshTokenRepository tokens, UserRepository users, AccessTokens accessTokens,
             AuthProperties properties, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.accessTokens = accessTokens;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public TokenResponse open(UserAccount user) {
        return issue(UUID.randomUUID(), user);
    }

    /** The family's revocation must commit even though the caller gets a 401, hence noRollbackFor. */
    @Transactional(noRollbackFor = ApiException.class)
    public TokenResponse rotate(String refreshToken) {
        StoredRefreshToken stored = find(refreshToken);
        Instant now = clock.instant();
        if (stored.spent()) {
            tokens.revokeFamily(stored.familyId(), now);
            throw invalid();
        }
        if (!stored.expiresAt().isAfter(now)) {
            throw invalid();
        }
        tokens.markUsed(stored.id(), now);
        UserAccount user = users.findById(stored.userId()).orElseThrow(Sessions::invalid);
        return issue(stored.familyId(), user);
    }

    /** Ends the session the token belongs to; a token of another user or an unknown one changes nothing. */
    @Transactional
    public void close(UUID userId, String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            return;
        }
        tokens.findForUpdate(Secrets.sha256(refreshToken))
                .filter(stored -> stored.userId().equals(userId))
                .ifPresent(stored -> tokens.revokeFamily(stored.familyId(), clock.instant()));
    }

    private StoredRefreshToken find(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw invalid();
        }
        return tokens.findForUpdate(Secrets.sha256(refreshToken)).orElseThrow(Sessions::invalid);
    }

    private TokenResponse issue(UUID familyId, UserAccount user) {
        Instant now = clock.instant();
        String refreshToken = Secrets.random();
        tokens.insert(familyId, user.id(), Secrets.sha256(refreshToken), now.plus(properties.refreshTokenTtl()));
        AccessToken access = accessTokens.issue(user.id(), user.email(), user.effectivePlan(now));
        return new TokenResponse(access.value(), "Bearer", access.lifetime().toSeconds(), refreshToken);
    }

    private static ApiException invalid() {
        return new ApiException(HttpStatus.UNAUTHORIZED, "invalid_refresh_token",
                "The refresh token is invalid, expired or already used: sign in again");
    }
}

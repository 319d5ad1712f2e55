package io.cloudya.auth.session;

import io.cloudya.auth.config.AuthProperties;
import io.cloudya.auth.web.ApiException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Brute-force brake, counted in the database so every replica sees the same numbers: too many failures for
 * one account (guessing a password) or from one address (trying many accounts) locks that key for a while.
 * A lock answers 429 even for the right password, or guessing could continue behind it.
 */
@Component
class LoginThrottle {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuthProperties.LoginThrottle settings;

    LoginThrottle(JdbcClient jdbc, Clock clock, AuthProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = properties.loginThrottle();
    }

    void ensureAllowed(String email, String address) {
        Instant now = clock.instant();
        var lockedUntil = jdbc.sql("""
                SELECT max(locked_until) FROM login_failure WHERE throttle_key IN (:keys) AND locked_until > :now
                """).param("keys", List.of(accountKey(email), addressKey(address)))
                .param("now", Timestamp.from(now)).query(Timestamp.class).optional();
        if (lockedUntil.isPresent()) {
            Duration wait = Duration.between(now, lockedUntil.get().toInstant());
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "too_many_attempts",
                    "Too many failed sign-ins, try again later", wait);
        }
    }

    void recordFailure(String email, String address) {
        count(accountKey(email), settings.accountMaxFailures());
        count(addressKey(address), settings.addressMaxFailures());
    }

    void recordSuccess(String email) {
        jdbc.sql("DELETE FROM login_failure WHERE throttle_key = :key").param("key", accountKey(email)).update();
    }

    private void count(String key, int max) {
        Instant now = clock.instant();
        // a failure after the window restarts the count at 1 instead of adding to stale failures
        jdbc.sql("""
                INSERT INTO login_failure (throttle_key, failures, window_start) VALUES (:key, 1, :now)
                ON CONFLICT (throttle_key) DO UPDATE SET
                  failures = CASE WHEN login_failure.window_start < :windowStart THEN 1
                                  ELSE login_failure.failures + 1 END,
                  window_start = CASE WHEN login_failure.window_start < :windowStart THEN :now
                                      ELSE login_failure.window_start END,
                  locked_until = CASE WHEN login_failure.window_start >= :windowStart
                                           AND login_failure.failures + 1 >= :max THEN :lockedUntil
                                      ELSE login_failure.locked_until END
                """)
                .param("key", key).param("now", Timestamp.from(now))
                .param("windowStart", Timestamp.from(now.minus(settings.window())))
                .param("max", max).param("lockedUntil", Timestamp.from(now.plus(settings.lockout())))
                .update();
    }

    private static String accountKey(String email) {
        return "account:" + email;
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}

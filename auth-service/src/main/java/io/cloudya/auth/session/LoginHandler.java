package io.cloudya.auth.session;

import io.cloudya.auth.account.UserAccount;
import io.cloudya.auth.account.UserRepository;
import io.cloudya.auth.web.ApiException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Checks email and password under the login throttle and opens a session. */
@Component
class LoginHandler {

    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    private final Sessions sessions;
    /** Compared against when the account does not exist, so timing does not reveal which emails are registered. */
    private final String decoyHash;

    LoginHandler(UserRepository users, PasswordEncoder passwords, LoginThrottle throttle, Sessions sessions) {
        this.users = users;
        this.passwords = passwords;
        this.throttle = throttle;
        this.sessions = sessions;
        this.decoyHash = passwords.encode("decoy-password-never-matches");
    }

    TokenResponse login(LoginRequest request, String address) {
        String email = request.email() == null ? "" : request.email().trim().toLowerCase(Locale.ROOT);
        String password = request.password() == null ? "" : request.password();
        throttle.ensureAllowed(email, address);
        Optional<UserAccount> user = users.findByEmail(email).filter(UserAccount::hasPassword);
        boolean matches = passwords.matches(password, user.map(UserAccount::passwordHash).orElse(decoyHash));
        if (user.isEmpty() || !matches) {
            throttle.recordFailure(email, address);
            throw new ApiException(HttpStatus.UNAUTHORIZED, "invalid_credentials", "Wrong email or password");
        }
        throttle.recordSuccess(email);
        return sessions.open(user.get());
    }
}

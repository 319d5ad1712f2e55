package io.cloudya.auth.account;

import io.cloudya.auth.config.AuthProperties;
import io.cloudya.auth.web.ApiException;
import io.cloudya.auth.web.Caller;
import io.cloudya.contracts.http.IdentityHeaders;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sign-up ({@code POST /api/auth/register}) and the caller's own account ({@code GET /api/auth/me}). */
@RestController
class AccountController {

    private final OpenAccountHandler accounts;
    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final AuthProperties properties;
    private final Clock clock;

    AccountController(OpenAccountHandler accounts, UserRepository users, PasswordEncoder passwords,
                      AuthProperties properties, Clock clock) {
        this.accounts = accounts;
        this.users = users;
        this.passwords = passwords;
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping("/api/auth/register")
    @ResponseStatus(HttpStatus.CREATED)
    AccountView register(@RequestBody RegisterRequest request,
                         @RequestHeader(name = IdentityHeaders.REQUEST_ID, required = false) String requestId) {
        String email = EmailAddresses.normalise(request.email());
        PasswordPolicy.check(request.password(), email);
        if (users.emailExists(email)) {
            // checked before hashing so a duplicate costs no Argon2 run; the unique index still decides races
            throw new ApiException(HttpStatus.CONFLICT, "email_taken", "An account with this email already exists");
        }
        // hashed outside the transaction: Argon2 takes tens of milliseconds and needs no connection
        String hash = passwords.encode(request.password());
        UUID id = accounts.open(email, hash, Plans.FREE, requestId);
        return view(id, email, Plans.FREE);
    }

    @GetMapping("/api/auth/me")
    AccountView me(@RequestHeader(name = IdentityHeaders.USER_ID, required = false) String userIdHeader) {
        UUID id = Caller.userId(userIdHeader);
        UserAccount user = users.findById(id).orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED,
                "unauthenticated", "This account no longer exists"));
        return view(id, user.email(), user.effectivePlan(clock.instant()));
    }

    private AccountView view(UUID id, String email, String plan) {
        return new AccountView(id, email, plan, properties.features().getOrDefault(plan, List.of()));
    }
}

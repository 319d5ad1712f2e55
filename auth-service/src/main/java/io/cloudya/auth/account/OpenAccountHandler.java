package io.cloudya.auth.account;

import io.cloudya.auth.web.ApiException;
import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.auth.UserRegistered;
import io.cloudya.outbox.OutboxWriter;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates an account and announces it with {@code UserRegistered} in the same transaction (token-service opens
 * the allowance from it). Used by sign-up and by the first sight of an external (Keycloak) user.
 */
@Component
public class OpenAccountHandler {

    static final String AGGREGATE = "user";

    private final UserRepository users;
    private final OutboxWriter outbox;

    public OpenAccountHandler(UserRepository users, OutboxWriter outbox) {
        this.users = users;
        this.outbox = outbox;
    }

    /** {@code passwordHash} is null for external accounts; throws 409 {@code email_taken} for a used email. */
    @Transactional(propagation = Propagation.REQUIRED)
    public UUID open(String email, String passwordHash, String plan, String requestId) {
        UUID id = UUID.randomUUID();
        try {
            users.insert(id, email, passwordHash, plan);
        } catch (DuplicateKeyException e) {
            throw new ApiException(HttpStatus.CONFLICT, "email_taken", "An account with this email already exists");
        }
        String userId = id.toString();
        outbox.append(Topics.USER_EVENTS, AGGREGATE,
                EventEnvelope.of(userId, requestId, new UserRegistered(userId, email, plan)));
        return id;
    }
}

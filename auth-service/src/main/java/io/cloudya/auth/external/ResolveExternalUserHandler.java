package io.cloudya.auth.external;

import io.cloudya.auth.account.EmailAddresses;
import io.cloudya.auth.account.OpenAccountHandler;
import io.cloudya.auth.account.Plans;
import io.cloudya.auth.web.ApiException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Maps (issuer, subject) to a Cloudya account, creating it (and its UserRegistered) on first sight. An email
 * already used by another account is refused, never linked: linking by email would let whoever controls
 * the external realm take over a Cloudya password account.
 */
@Component
class ResolveExternalUserHandler {

    private final JdbcClient jdbc;
    private final OpenAccountHandler accounts;

    ResolveExternalUserHandler(JdbcClient jdbc, OpenAccountHandler accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    @Transactional
    public ExternalUser resolve(ExternalUserRequest request, String requestId) {
        if (blank(request.issuer()) || blank(request.subject())) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "bad_request", "issuer and subject are required");
        }
        // serialises first sights of the same identity, so concurrent first requests create one account
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:key))")
                .param("key", request.issuer() + "|" + request.subject()).query(Object.class).list();
        Optional<UUID> known = find(request);
        if (known.isPresent()) {
            return new ExternalUser(known.get(), false);
        }
        String email = EmailAddresses.normalise(request.email());
        UUID id;
        try {
            id = accounts.open(email, null, Plans.normalise(request.plan()), requestId);
        } catch (ApiException e) {
            throw new ApiException(HttpStatus.CONFLICT, "account_conflict",
                    "This email already belongs to a Cloudya account that signs in with a password");
        }
        jdbc.sql("INSERT INTO external_identity (issuer, subject, user_id) VALUES (:issuer, :subject, :user)")
                .param("issuer", request.issuer()).param("subject", request.subject()).param("user", id).update();
        return new ExternalUser(id, true);
    }

    private Optional<UUID> find(ExternalUserRequest request) {
        return jdbc.sql("SELECT user_id FROM external_identity WHERE issuer = :issuer AND subject = :subject")
                .param("issuer", request.issuer()).param("subject", request.subject())
                .query(UUID.class).optional();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

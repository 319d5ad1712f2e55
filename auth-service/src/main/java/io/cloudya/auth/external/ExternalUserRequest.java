package io.cloudya.auth.external;

/** Sent by the gateway on the first request it sees from a user of an external issuer (Keycloak). */
public record ExternalUserRequest(String issuer, String subject, String email, String plan) {
}

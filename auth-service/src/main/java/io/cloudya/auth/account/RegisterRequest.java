package io.cloudya.auth.account;

/** {@code POST /api/auth/register} body. */
public record RegisterRequest(String email, String password) {
}

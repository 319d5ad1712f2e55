package io.cloudya.auth.session;

/** {@code POST /api/auth/login} body. */
public record LoginRequest(String email, String password) {
}

package io.cloudya.auth.session;

/** {@code POST /api/auth/refresh} and {@code /logout} body. */
public record RefreshRequest(String refreshToken) {
}

package io.cloudya.auth.session;

/** The OAuth2-shaped answer to login and refresh (snake_case on the wire). */
public record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken) {
}

package io.cloudya.token.api;

import org.springframework.http.HttpStatus;

/** The user the gateway vouches for in {@code X-User-Id}; the only identity this service trusts. */
record Caller(String userId) {

    static Caller fromHeader(String userIdHeader) {
        if (userIdHeader == null || userIdHeader.isBlank()) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "unauthenticated",
                    "No authenticated user: call through the Cloudya gateway with a valid token or API key.");
        }
        return new Caller(userIdHeader.trim());
    }
}

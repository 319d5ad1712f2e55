package io.cloudya.auth.web;

import java.util.UUID;
import org.springframework.http.HttpStatus;

/**
 * The user the gateway vouches for in {@code X-User-Id}. The gateway strips client copies, so the header is
 * the only identity this service trusts; anything but a UUID means the request did not come through it.
 */
public final class Caller {

    private Caller() {
    }

    public static UUID userId(String userIdHeader) {
        try {
            if (userIdHeader != null) {
                return UUID.fromString(userIdHeader.trim());
            }
        } catch (IllegalArgumentException e) {
            // fall through: same answer as no header at all
        }
        throw new ApiException(HttpStatus.UNAUTHORIZED, "unauthenticated",
                "No authenticated user: call through the Cloudya gateway with a valid token or API key.");
    }
}

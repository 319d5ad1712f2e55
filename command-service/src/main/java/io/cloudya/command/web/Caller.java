package io.cloudya.command.web;

import io.cloudya.command.config.CommandProperties;
import org.springframework.http.HttpStatus;

/**
 * Who is calling, as the gateway vouches for it in {@code X-User-Id} / {@code X-User-Plan}. The gateway strips
 * client-sent copies, so these headers are the only identity this service trusts.
 */
public record Caller(String userId, String plan) {

    /** A missing plan header means the least privileged plan: never grant more than the gateway said. */
    public static Caller fromHeaders(String userIdHeader, String planHeader) {
        if (userIdHeader == null || userIdHeader.isBlank()) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "unauthenticated",
                    "No authenticated user: call through the Cloudya gateway with a valid token or API key.");
        }
        return new Caller(userIdHeader.trim(), CommandProperties.normalise(planHeader));
    }
}

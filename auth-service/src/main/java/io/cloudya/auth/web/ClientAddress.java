package io.cloudya.auth.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The caller's address for login throttling. Behind the gateway it is the last X-Forwarded-For entry: the
 * gateway appends the address it saw, while earlier entries are whatever the client chose to send.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            String[] hops = forwarded.split(",");
            return hops[hops.length - 1].trim();
        }
        return request.getRemoteAddr();
    }
}

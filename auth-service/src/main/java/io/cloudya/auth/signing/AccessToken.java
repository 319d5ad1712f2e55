package io.cloudya.auth.signing;

import java.time.Duration;

/** A signed access JWT and how long it lives. */
public record AccessToken(String value, Duration lifetime) {
}

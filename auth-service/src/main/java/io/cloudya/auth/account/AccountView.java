package io.cloudya.auth.account;

import java.util.List;
import java.util.UUID;

/** What {@code /register} and {@code /me} return about an account: never its password hash. */
public record AccountView(UUID userId, String email, String plan, List<String> features) {
}

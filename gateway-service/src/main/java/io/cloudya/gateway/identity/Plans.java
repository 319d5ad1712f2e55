package io.cloudya.gateway.identity;

import java.util.List;
import java.util.Locale;

/** Cloudya's plan names; anything unknown counts as free, so a bad claim never grants more. */
public final class Plans {

    public static final String FREE = "free";
    /** Highest first: a Keycloak user holding several plan roles gets the best one. */
    public static final List<String> BEST_FIRST = List.of("enterprise", "pro", "starter", FREE);

    private Plans() {
    }

    public static String normalise(String plan) {
        if (plan == null) {
            return FREE;
        }
        String lower = plan.trim().toLowerCase(Locale.ROOT);
        return BEST_FIRST.contains(lower) ? lower : FREE;
    }
}

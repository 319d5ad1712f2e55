package io.cloudya.auth.account;

import java.util.List;
import java.util.Locale;

/** The plan names Cloudya sells; anything else (a typo, a plan from a newer billing build) counts as free. */
public final class Plans {

    public static final String FREE = "free";
    public static final List<String> ALL = List.of(FREE, "starter", "pro", "enterprise");

    private Plans() {
    }

    public static String normalise(String plan) {
        if (plan == null) {
            return FREE;
        }
        String lower = plan.trim().toLowerCase(Locale.ROOT);
        return ALL.contains(lower) ? lower : FREE;
    }
}

package io.cloudya.billing.subscription;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Cloudya's plans: monthly price in euro cents, tokens a month, and the Stripe price lookup key. */
public enum Plan {
    FREE(0, 1_000, null),
    STARTER(999, 10_000, "starter_monthly"),
    PRO(2_999, 50_000, "pro_monthly"),
    ENTERPRISE(9_999, 200_000, "enterprise_monthly");

    private final long priceCents;
    private final long monthlyTokens;
    private final String lookupKey;

    Plan(long priceCents, long monthlyTokens, String lookupKey) {
        this.priceCents = priceCents;
        this.monthlyTokens = monthlyTokens;
        this.lookupKey = lookupKey;
    }

    /** A plan one can subscribe to: starter, pro or enterprise (not free). */
    public static Optional<Plan> paid(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return Arrays.stream(values())
                .filter(p -> p != FREE && p.wireName().equals(name.trim().toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    public static Optional<Plan> byLookupKey(String lookupKey) {
        return Arrays.stream(values()).filter(p -> p.lookupKey != null && p.lookupKey.equals(lookupKey)).findFirst();
    }

    public static Optional<Plan> byWireName(String name) {
        return Arrays.stream(values()).filter(p -> p.wireName().equals(name)).findFirst();
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public long priceCents() {
        return priceCents;
    }

    public long monthlyTokens() {
        return monthlyTokens;
    }

    public String lookupKey() {
        return lookupKey;
    }

    /** Upgrades apply at once; downgrades wait for the period end. */
    public boolean isUpgradeFrom(Plan other) {
        return priceCents > other.priceCents;
    }
}

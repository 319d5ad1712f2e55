package io.cloudya.token.plans;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cloudya.plans.*}: the one plan table (price, monthly tokens, words-per-answer cap, features).
 * Nothing else in the service knows a plan's numbers.
 */
@ConfigurationProperties("cloudya")
public record PlanCatalog(Map<String, Plan> plans) {

    /** The plan every account starts on and falls back to after a cancellation. */
    public static final String FREE = "free";

    public PlanCatalog {
        if (plans == null || !plans.containsKey(FREE)) {
            throw new IllegalStateException("cloudya.plans must define at least the 'free' plan");
        }
        plans = Map.copyOf(plans);
    }

    /** The plan by its name (case-insensitive); empty for a name the table does not know. */
    public Optional<Plan> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(plans.get(normalise(name)));
    }

    /** For names already validated (the account's own plan); unknown names fall back to Free, never to more. */
    public Plan get(String name) {
        return find(name).orElse(plans.get(FREE));
    }

    public static String normalise(String name) {
        return name == null ? null : name.trim().toLowerCase(Locale.ROOT);
    }
}

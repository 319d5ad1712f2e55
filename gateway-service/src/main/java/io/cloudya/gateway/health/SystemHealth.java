package io.cloudya.gateway.health;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code GET /api/health}: each service and each piece of infrastructure as "UP", "DOWN" or
 * "UNKNOWN", and the names of the failing ones. UNKNOWN (PostgreSQL when no service could report on it)
 * is not listed as failing: the unreachable services already are.
 */
public record SystemHealth(String status, Map<String, String> services, Map<String, String> infrastructure,
                           List<String> failing) {

    static final String UP = "UP";
    static final String DOWN = "DOWN";
    static final String UNKNOWN = "UNKNOWN";

    static SystemHealth of(Map<String, String> services, Map<String, String> infrastructure) {
        List<String> failing = new ArrayList<>();
        collectFailing(services, failing);
        collectFailing(infrastructure, failing);
        return new SystemHealth(failing.isEmpty() ? UP : DOWN, new LinkedHashMap<>(services),
                new LinkedHashMap<>(infrastructure), List.copyOf(failing));
    }

    boolean isUp() {
        return UP.equals(status);
    }

    private static void collectFailing(Map<String, String> parts, List<String> failing) {
        parts.forEach((name, state) -> {
            if (DOWN.equals(state)) {
                failing.add(name);
            }
        });
    }
}

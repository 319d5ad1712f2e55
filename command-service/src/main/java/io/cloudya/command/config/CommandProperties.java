package io.cloudya.command.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cloudya.command.*}: how long a client waits for its answer, the input limit, which plans may
 * execute, which plans ride the priority lane, the per-plan cap of words per answer (the reservation);
 * {@code maxPendingAnswers} bounds the requests one instance holds open at once (beyond it: 503 overloaded; default
 * what a quarter of the heap holds, {@link #PARKED_REQUEST_BYTES} each), of which {@code priorityReservedAnswers}
 * (default a fifth) only priority plans may use. Plan lists are written
 * cheapest plan first: the first one is what a refused caller is told to buy.
 */
@ConfigurationProperties("cloudya.command")
public record CommandProperties(
        @DefaultValue("30s") Duration answerTimeout,
        @DefaultValue("4000") int maxUserInputLength,
        @DefaultValue("command-service-answers") String answersGroup,
        @DefaultValue({"pro", "enterprise"}) List<String> executePlans,
        @DefaultValue({"pro", "enterprise"}) List<String> priorityPlans,
        Map<String, Integer> maxWordsByPlan,
        Integer maxPendingAnswers,
        Integer priorityReservedAnswers) {

    /** The plan whose limits apply when a plan is unknown: the most restrictive one. */
    public static final String FALLBACK_PLAN = "free";

    /**
     * Heap one parked request holds here, rounded up from the 112 KB measured (Tomcat's request, response and socket
     * buffers of an async request; docs/benchmarks.md). A fixed 1,000 did not fit the 192 MiB heap of a local run.
     */
    public static final long PARKED_REQUEST_BYTES = 128 * 1024;

    public CommandProperties {
        maxWordsByPlan = maxWordsByPlan == null || maxWordsByPlan.isEmpty()
                ? Map.of("free", 300, "starter", 600, "pro", 1200, "enterprise", 2000)
                : Map.copyOf(maxWordsByPlan);
        maxPendingAnswers = maxPendingAnswers == null ? parkableIn(Runtime.getRuntime().maxMemory()) : maxPendingAnswers;
        // derived rather than a fixed number, so that lowering the max alone never starves the standard plans
        priorityReservedAnswers = priorityReservedAnswers == null ? maxPendingAnswers / 5 : priorityReservedAnswers;
        if (priorityReservedAnswers < 0 || priorityReservedAnswers > maxPendingAnswers) {
            throw new IllegalArgumentException("cloudya.command.priority-reserved-answers must be between 0 and"
                    + " max-pending-answers (" + maxPendingAnswers + "), was " + priorityReservedAnswers);
        }
    }

    /** How many parked requests a quarter of {@code maxHeapBytes} holds: the rest is the service's own. */
    static int parkableIn(long maxHeapBytes) {
        return (int) Math.max(10, maxHeapBytes / 4 / PARKED_REQUEST_BYTES);
    }

    public int maxWordsFor(String plan) {
        return maxWordsByPlan.getOrDefault(normalise(plan), maxWordsByPlan.getOrDefault(FALLBACK_PLAN, 300));
    }

    public boolean mayExecute(String plan) {
        return executePlans.contains(normalise(plan));
    }

    /** The cheapest plan that may execute, or null when none may. */
    public String cheapestExecutePlan() {
        return executePlans.isEmpty() ? null : executePlans.getFirst();
    }

    public boolean hasPriority(String plan) {
        return priorityPlans.contains(normalise(plan));
    }

    /** How many parked requests may exist when this plan's command arrives: the reserve is the priority plans'. */
    public int pendingAnswersLimitFor(String plan) {
        return hasPriority(plan) ? maxPendingAnswers : maxPendingAnswers - priorityReservedAnswers;
    }

    public static String normalise(String plan) {
        return plan == null || plan.isBlank() ? FALLBACK_PLAN : plan.trim().toLowerCase(Locale.ROOT);
    }
}

package io.cloudya.systemtests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/** Reads the ai-worker's own Prometheus page: whether it consumes jobs yet, and which providers it asked. */
final class AiWorkerProbe {

    private static final URI PROMETHEUS = URI.create("http://127.0.0.1:8085/actuator/prometheus");
    private static final Pattern SAMPLE = Pattern.compile("^(\\w+)\\{([^}]*)} (\\S+)$");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private AiWorkerProbe() {
    }

    /**
     * The suite's health green, then every Kafka consumer of the ai-worker holding partitions: a green health page
     * does not mean the group has rebalanced yet, and a job waiting for that could outlive the answer deadline.
     */
    static void awaitReady(Gateway gateway) {
        Awaitility.await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .alias("the restarted ai-worker up and the suite's health green")
                .until(() -> gateway.get("/api/health").status() == 200);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .alias("the ai-worker's Kafka consumers assigned their partitions")
                .until(() -> {
                    List<Double> assigned = samples("kafka_consumer_coordinator_assigned_partitions").values()
                            .stream().toList();
                    return !assigned.isEmpty() && assigned.stream().allMatch(partitions -> partitions > 0);
                });
    }

    /** {@code ai.provider.calls} counts keyed "provider/outcome", e.g. "openai/error". */
    static Map<String, Long> providerCalls() {
        Map<String, Long> calls = new TreeMap<>();
        samples("ai_provider_calls_seconds_count").forEach((labels, count) ->
                calls.merge(label(labels, "provider") + "/" + label(labels, "outcome"), count.longValue(), Long::sum));
        return calls;
    }

    /** The samples of one metric, keyed by their label set. */
    private static Map<String, Double> samples(String metric) {
        Map<String, Double> samples = new TreeMap<>();
        for (String line : scrape().split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (sample.matches() && sample.group(1).equals(metric)) {
                samples.put(sample.group(2), Double.parseDouble(sample.group(3)));
            }
        }
        return samples;
    }

    private static String label(String labels, String name) {
        Matcher value = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(labels);
        return value.find() ? value.group(1) : "?";
    }

    private static String scrape() {
        try {
            return HTTP.send(HttpRequest.newBuilder(PROMETHEUS).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

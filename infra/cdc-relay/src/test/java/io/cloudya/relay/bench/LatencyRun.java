package io.cloudya.relay.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.cloudya.relay.support.OutboxDatabase;

/** Writes paced events, each in its own transaction, and computes commit → consumer latencies from the receipts. */
final class LatencyRun {

    private final OutboxDatabase db;
    private final String topic;
    private final Map<String, Long> receivedNanos;

    LatencyRun(OutboxDatabase db, String topic, Map<String, Long> receivedNanos) {
        this.db = db;
        this.topic = topic;
        this.receivedNanos = receivedNanos;
    }

    /** @return latencies in ms, sorted; events not received within the deadline are counted as missing */
    double[] measure(int events, long deadlineSeconds) throws Exception {
        Map<String, Long> committedNanos = new ConcurrentHashMap<>();
        for (int i = 0; i < events; i++) {
            UUID id = db.commitEvent(topic, "user-" + (i % 16));
            committedNanos.put(id.toString(), System.nanoTime());
            // Random gaps (10–30 ms) so writes do not line up with the engine's poll interval.
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(ThreadLocalRandom.current().nextInt(10, 31)));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(deadlineSeconds);
        while (!receivedNanos.keySet().containsAll(committedNanos.keySet()) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        List<Double> latencies = committedNanos.entrySet().stream()
                .filter(e -> receivedNanos.containsKey(e.getKey()))
                .map(e -> (receivedNanos.get(e.getKey()) - e.getValue()) / 1e6)
                .toList();
        if (latencies.size() < events) {
            System.err.printf("missing %d of %d events%n", events - latencies.size(), events);
        }
        double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted;
    }

    static double percentile(double[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)];
    }
}

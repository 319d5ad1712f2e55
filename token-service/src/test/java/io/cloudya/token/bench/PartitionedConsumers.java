package io.cloudya.token.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.IntUnaryOperator;

/**
 * Stands in for the Kafka consumers of a keyed topic: record {@code i} belongs to partition {@code partitionOf(i)},
 * each partition is read by its own thread in record order, and each thread hands its records on in polls of at
 * most {@code pollSize}, as a batch listener with that {@code max.poll.records} gets them when it is behind.
 */
final class PartitionedConsumers {

    private PartitionedConsumers() {
    }

    /** Delivers every record once; returns records per second over the whole run. */
    static <R> double run(int partitions, int pollSize, List<R> records, IntUnaryOperator partitionOf,
                      Consumer<List<R>> listener) throws Exception {
        List<List<R>> byPartition = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            byPartition.add(new ArrayList<>());
        }
        for (int i = 0; i < records.size(); i++) {
            byPartition.get(partitionOf.applyAsInt(i)).add(records.get(i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(partitions);
        long start = System.nanoTime();
        List<Future<?>> consumers = new ArrayList<>();
        for (List<R> partition : byPartition) {
            consumers.add(pool.submit(() -> {
                for (int from = 0; from < partition.size(); from += pollSize) {
                    listener.accept(partition.subList(from, Math.min(from + pollSize, partition.size())));
                }
                return null;
            }));
        }
        for (Future<?> consumer : consumers) {
            consumer.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return records.size() / seconds;
    }
}

package io.cloudya.aiworker.lane;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.support.Acknowledgment;

/**
 * Acknowledges each partition's records lowest offset first, whatever order their jobs finish in. Kafka keeps
 * one committed offset per partition, and acknowledging a record commits everything before it; so a finished
 * job is acknowledged only once every earlier record of its partition is finished too, and the committed offset
 * never moves past a job that is still running. (Spring Kafka's {@code asyncAcks} does the same, but pauses the
 * consumer until the whole previous poll is acknowledged: one slow answer would hold its lane's next jobs back.)
 * The listener container queues acknowledgments made on worker threads and commits them on its own thread.
 * A partition's window is dropped when the partition is revoked or assigned again: its records are then
 * redelivered from the committed offset, and late finishes of the old window acknowledge nothing.
 */
public final class InOrderAcks {

    private final Map<TopicPartition, Window> windows = new ConcurrentHashMap<>();

    /** Called on the consumer thread, in offset order per partition, before the record's job starts. */
    public Ticket track(ConsumerRecord<?, ?> record, Acknowledgment ack) {
        var partition = new TopicPartition(record.topic(), record.partition());
        Window window = windows.computeIfAbsent(partition, p -> new Window());
        window.open(record.offset(), ack);
        return new Ticket(window, record.offset());
    }

    public void forget(Collection<TopicPartition> partitions) {
        partitions.forEach(partition -> {
            Window window = windows.remove(partition);
            if (window != null) {
                window.close();
            }
        });
    }

    /** Records tracked and not yet acknowledged, over all partitions. */
    public int unacknowledged() {
        return windows.values().stream().mapToInt(Window::size).sum();
    }

    /** One record's place in its partition's window. */
    public record Ticket(Window window, long offset) {

        /** The record's job is settled: its outcome committed, or it failed for good. */
        public void done() {
            window.finish(offset);
        }

        /**
         * The record was handed back to Kafka (the error handler seeks to it), so it is not awaited any more. Only
         * the newest record of a partition is ever handed back: nothing later was polled from it yet.
         */
        public void abandon() {
            window.drop(offset);
        }
    }

    /** A partition's records from the oldest unacknowledged one on. */
    public static final class Window {

        private final TreeMap<Long, Entry> open = new TreeMap<>();
        private boolean closed;

        private synchronized void open(long offset, Acknowledgment ack) {
            open.put(offset, new Entry(ack));
        }

        private synchronized void finish(long offset) {
            Entry entry = open.get(offset);
            if (closed || entry == null) {
                return;
            }
            entry.done = true;
            Entry last = null;
            while (!open.isEmpty() && open.firstEntry().getValue().done) {
                last = open.pollFirstEntry().getValue();
            }
            if (last != null) {
                last.ack.acknowledge();
            }
        }

        private synchronized void drop(long offset) {
            open.remove(offset);
        }

        private synchronized void close() {
            closed = true;
            open.clear();
        }

        private synchronized int size() {
            return open.size();
        }
    }

    private static final class Entry {

        private final Acknowledgment ack;
        private boolean done;

        private Entry(Acknowledgment ack) {
            this.ack = ack;
        }
    }
}

package io.cloudya.outbox;

import java.util.HashSet;
import java.util.Set;

/**
 * The event ids this JVM applied lately, per consumer group. Every event arrives at least twice by design (the
 * fast path, then the relay ~100 ms later), and the second copy is recognised here from its {@code id} header,
 * before it is parsed or opens a transaction. Only what is certainly applied is remembered (committed, or refused
 * by {@code processed_event}), so a delivery that failed and is retried is never skipped. The table stays the rule:
 * this memory is bounded (the oldest ids go first) and empty after a restart, and a miss only costs the lookup.
 */
public class RecentDeliveries {

    private final String[] order;
    private final Set<String> known;
    private int next;

    public RecentDeliveries(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        this.order = new String[capacity];
        this.known = HashSet.newHashSet(capacity);
    }

    public synchronized boolean contains(String consumerGroup, String eventId) {
        return eventId != null && known.contains(key(consumerGroup, eventId));
    }

    public synchronized void remember(String consumerGroup, String eventId) {
        String key = key(consumerGroup, eventId);
        if (!known.add(key)) {
            return;
        }
        if (order[next] != null) {
            known.remove(order[next]);
        }
        order[next] = key;
        next = (next + 1) % order.length;
    }

    private static String key(String consumerGroup, String eventId) {
        return consumerGroup + '/' + eventId;
    }
}

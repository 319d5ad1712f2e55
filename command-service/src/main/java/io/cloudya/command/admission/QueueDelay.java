package io.cloudya.command.admission;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Whether commands stand in a queue somewhere in the saga: CoDel's signal. Each answer reports how long its command
 * spent in the saga outside the model (accepted here → verdict recorded here, less the time between the worker
 * taking the job up and its verdict): Kafka hops, the ledger, the worker's lanes, this service's own backlog. One
 * slow answer is a spike, not a queue; when even the fastest answer of a whole interval waited long, a queue stands
 * (the {@code commands.queue.delay} gauge). An interval without answers says nothing. {@link SagaLimit} is steered
 * by the same samples, each of them rather than the fastest.
 */
@Component
public class QueueDelay {

    private static final long NONE = Long.MAX_VALUE;

    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private long intervalStart;
    private long fastestInInterval = NONE;
    private long fastestInLastInterval = NONE;

    public QueueDelay(Duration interval, LongSupplier nanoTime) {
        if (!interval.isPositive()) {
            throw new IllegalArgumentException("queue delay interval must be > 0, was " + interval);
        }
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
        this.intervalStart = nanoTime.getAsLong();
    }

    @Autowired
    public QueueDelay(AdmissionProperties properties) {
        this(properties.queueDelayInterval(), System::nanoTime);
    }

    /** How long an answered command spent in the saga outside the model (negative counts as none). */
    public synchronized void record(Duration waited) {
        roll();
        fastestInInterval = Math.min(fastestInInterval, Math.max(0, waited.toNanos()));
    }

    /** The last full interval's shortest wait in seconds, or 0 when it had no answer (a gauge). */
    public synchronized double lastIntervalSeconds() {
        roll();
        return fastestInLastInterval == NONE ? 0 : fastestInLastInterval / 1e9;
    }

    private void roll() {
        long now = nanoTime.getAsLong();
        long elapsed = now - intervalStart;
        if (elapsed < intervalNanos) {
            return;
        }
        // more than one interval gone by: the last full one had no answers at all
        fastestInLastInterval = elapsed < 2 * intervalNanos ? fastestInInterval : NONE;
        fastestInInterval = NONE;
        intervalStart = now - elapsed % intervalNanos;
    }
}

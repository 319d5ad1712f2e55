package io.cloudya.command.admission;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Whether commands are standing in a queue before the ai-worker takes them up: CoDel's signal. Each answer reports
 * how long its command waited (accepted here → started by the worker; the model's own time is not in it). One slow
 * answer is a spike, not a queue; when even the fastest answer of a whole interval waited longer than the target, a
 * queue stands and every command admitted now only lengthens it. An interval without answers says nothing.
 */
@Component
public class QueueDelay {

    private static final long NONE = Long.MAX_VALUE;

    private final long targetNanos;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private long intervalStart;
    private long fastestInInterval = NONE;
    private long fastestInLastInterval = NONE;

    public QueueDelay(Duration target, Duration interval, LongSupplier nanoTime) {
        if (target.isNegative() || !interval.isPositive()) {
            throw new IllegalArgumentException("queue delay target must be >= 0 (0: off) and interval > 0, were "
                    + target + " and " + interval);
        }
        this.targetNanos = target.toNanos();
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
        this.intervalStart = nanoTime.getAsLong();
    }

    @Autowired
    public QueueDelay(AdmissionProperties properties) {
        this(properties.queueDelayTarget(), properties.queueDelayInterval(), System::nanoTime);
    }

    /** How long an answered command waited before its job started (negative, from clock skew, counts as none). */
    public synchronized void record(Duration waited) {
        roll();
        fastestInInterval = Math.min(fastestInInterval, Math.max(0, waited.toNanos()));
    }

    /** True while the last full interval's fastest answer waited longer than the target (never when off). */
    public synchronized boolean standing() {
        roll();
        return targetNanos > 0 && fastestInLastInterval != NONE && fastestInLastInterval > targetNanos;
    }

    /** The last full interval's shortest wait in seconds, or 0 when it had no answer (a gauge). */
    public synchronized double lastIntervalSeconds() {
        roll();
        return fastestInLastInterval == NONE ? 0 : fastestInLastInterval / 1e9;
    }

    public Duration target() {
        return Duration.ofNanos(targetNanos);
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

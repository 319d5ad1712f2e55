package io.cloudya.command.admission;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Whether commands stand in a queue somewhere in the saga, and how many the saga answers meanwhile. Each answer
 * reports how long its command spent in the saga outside the model (accepted here → verdict recorded here, less the
 * time between the worker taking the job up and its verdict: Kafka hops, the ledger, the worker's lanes, this
 * service's own backlog) and how long the model took. As in CoDel, one slow answer is a spike; when even the fastest
 * answer of a whole interval waited longer than the target, a queue stands, and it is taken to stand until an
 * interval's fastest answer waited no more than half the target: a limit that holds the wait near the target must not
 * be lifted each time the wait dips just under it (measured: without that margin the commands waiting swung between
 * 46 and 122). An interval without answers ends it. A target of 0: no queue is ever taken to stand.
 */
@Component
public class QueueDelay {

    private static final long NONE = Long.MAX_VALUE;

    private final long intervalNanos;
    private final long targetNanos;
    private final LongSupplier nanoTime;
    private long intervalStart;
    private Interval current = new Interval();
    private Interval last = new Interval();
    private boolean standing;

    public QueueDelay(Duration interval, Duration target, LongSupplier nanoTime) {
        if (!interval.isPositive() || target.isNegative()) {
            throw new IllegalArgumentException("queue delay interval must be > 0 and target >= 0, were " + interval
                    + " and " + target);
        }
        this.intervalNanos = interval.toNanos();
        this.targetNanos = target.toNanos();
        this.nanoTime = nanoTime;
        this.intervalStart = nanoTime.getAsLong();
    }

    @Autowired
    public QueueDelay(AdmissionProperties properties) {
        this(properties.queueDelayInterval(), properties.queueTarget(), System::nanoTime);
    }

    /** An answered command: its time in the saga outside the model and the model's (negatives count as none). */
    public synchronized void record(Duration waited, Duration model) {
        roll();
        current.fastest = Math.min(current.fastest, Math.max(0, waited.toNanos()));
        current.answers++;
        current.modelNanos += Math.max(0, model.toNanos());
    }

    /** The last full interval's shortest wait in seconds, or 0 when it had no answer (a gauge). */
    public synchronized double lastIntervalSeconds() {
        roll();
        return last.answers == 0 ? 0 : last.fastest / 1e9;
    }

    /**
     * How many commands may wait for their answer so that a new one waits about the target in the saga: by Little's
     * law, what the saga answered per second in the last interval times (the model's mean time + the target), at
     * least {@code floor}. No limit (MAX_VALUE) unless a queue stands: an idle service that sees a burst has answered
     * nothing yet, and must not take that for its capacity.
     */
    public synchronized int limit(int floor) {
        roll();
        if (!standing) {
            return Integer.MAX_VALUE;
        }
        double perSecond = last.answers * 1e9 / intervalNanos;
        double meanModelSeconds = last.modelNanos / 1e9 / last.answers;
        return Math.max(floor, (int) Math.ceil(perSecond * (meanModelSeconds + targetNanos / 1e9)));
    }

    private void roll() {
        long now = nanoTime.getAsLong();
        long elapsed = now - intervalStart;
        if (elapsed < intervalNanos) {
            return;
        }
        // more than one interval gone by: the last full one had no answers at all
        last = elapsed < 2 * intervalNanos ? current : new Interval();
        current = new Interval();
        long stillStandingAbove = standing ? targetNanos / 2 : targetNanos;
        standing = targetNanos > 0 && last.answers > 0 && last.fastest > stillStandingAbove;
        intervalStart = now - elapsed % intervalNanos;
    }

    private static final class Interval {
        long fastest = NONE;
        int answers;
        long modelNanos;
    }
}

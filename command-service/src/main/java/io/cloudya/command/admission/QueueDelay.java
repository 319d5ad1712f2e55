package io.cloudya.command.admission;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Whether commands stand in a queue somewhere in the saga: CoDel's signal. Each answer reports how long its command
 * spent in the saga outside the model (accepted here → verdict recorded here, less the time between the worker
 * taking the job up and its verdict): Kafka hops, the ledger, the worker's lanes, this service's own backlog. One
 * slow answer is a spike, not a queue; when even the fastest answer of a whole interval waited longer than the
 * target, a queue stands and every command admitted now only lengthens it. An interval without answers says nothing.
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

    /** How long an answered command spent in the saga outside the model (negative counts as none). */
    public synchronized void record(Duration waited) {
        roll();
        fastestInInterval = Math.min(fastestInInterval, Math.max(0, waited.toNanos()));
    }

    /**
     * Which share of new standard commands to turn away: none up to the target, then growing with the standing
     * wait, all of them from twice the target. Turning everyone away at the target would empty the queue and leave
     * the saga idle until the answers say so, a second later; a share that grows with the wait holds it near the
     * target with the work still flowing (RED's answer to CoDel's signal).
     */
    public synchronized double shareToTurnAway() {
        roll();
        if (targetNanos == 0 || fastestInLastInterval == NONE || fastestInLastInterval <= targetNanos) {
            return 0;
        }
        return Math.min(1, (double) (fastestInLastInterval - targetNanos) / targetNanos);
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

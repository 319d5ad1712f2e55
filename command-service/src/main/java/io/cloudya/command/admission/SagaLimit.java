package io.cloudya.command.admission;

import com.netflix.concurrency.limits.Limit;
import com.netflix.concurrency.limits.limit.Gradient2Limit;
import com.netflix.concurrency.limits.limit.WindowedLimit;
import com.netflix.concurrency.limits.limit.functions.SquareRootFunction;
import io.cloudya.command.config.CommandProperties;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * How many commands this instance lets wait for their answer before standard plans are turned away: Netflix's
 * Gradient2 limit, fed with each answer's time in the saga outside the model ({@link QueueDelay}'s sample). While
 * that time holds near its long-run average the limit grows (when the commands in flight come near it); when it
 * rises past {@code tolerance} times the average, a queue is forming, and the limit shrinks towards what the saga
 * serves without one. Unlike a threshold on the wait, the limit acts on the count of commands in flight, which is
 * known at once; the wait only steers it, so a late signal moves the limit a little instead of opening or closing
 * the door. It starts at the heap guard's limit (and never exceeds it), so a service that has not seen a queue
 * turns nobody away that the heap guard would let in.
 */
@Component
public class SagaLimit {

    private final Limit limit;
    private final LongSupplier nanoTime;

    public SagaLimit(int maxLimit, AdmissionProperties properties, LongSupplier nanoTime) {
        int minLimit = Math.min(properties.sagaLimitMin(), maxLimit);
        this.limit = WindowedLimit.newBuilder()
                .minWindowTime(properties.sagaLimitWindow().toMillis(), TimeUnit.MILLISECONDS)
                .maxWindowTime(properties.sagaLimitWindow().toMillis(), TimeUnit.MILLISECONDS)
                .build(Gradient2Limit.newBuilder()
                        .initialLimit(maxLimit)
                        .maxConcurrency(maxLimit)
                        .minLimit(minLimit)
                        .rttTolerance(properties.sagaLimitTolerance())
                        .queueSize(SquareRootFunction.create(4))
                        .build());
        this.nanoTime = nanoTime;
    }

    @Autowired
    public SagaLimit(CommandProperties commands, AdmissionProperties properties) {
        this(commands.pendingAnswersLimitFor(CommandProperties.FALLBACK_PLAN), properties, System::nanoTime);
    }

    /** An answered command: how long it spent in the saga outside the model, and how many were waiting then. */
    public void record(Duration waited, int inFlight) {
        long rtt = Math.max(1, waited.toNanos());
        limit.onSample(nanoTime.getAsLong() - rtt, rtt, inFlight, false);
    }

    /** How many commands may be waiting when a standard plan's command arrives. */
    public int current() {
        return limit.getLimit();
    }
}

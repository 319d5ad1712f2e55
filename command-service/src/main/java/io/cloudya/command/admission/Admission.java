package io.cloudya.command.admission;

import io.cloudya.command.answer.PendingAnswers;
import io.cloudya.command.config.CommandProperties;
import io.cloudya.command.web.ApiException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Decides, before anything is stored or charged, whether this instance takes a new command. Two guards, both 503
 * {@code overloaded}: the requests held open (a guard of the heap; standard plans stop short of the limit by the
 * priority reserve, so a flood of Free commands cannot turn Pro and Enterprise users away), and, for standard plans,
 * a standing queue in the saga ({@link QueueDelay}): past that point an admitted command would only wait longer,
 * and make everyone behind it wait longer too, so its caller is better told at once to come back. A growing share
 * of them is turned away as the wait grows past the target, all of them from twice the target.
 */
@Component
public class Admission {

    /** What a refused client is told to wait: about one interval of the queue's measurement. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private final PendingAnswers pending;
    private final CommandProperties properties;
    private final QueueDelay queueDelay;
    private final MeterRegistry meters;
    private final DoubleSupplier random;

    @Autowired
    public Admission(PendingAnswers pending, CommandProperties properties, QueueDelay queueDelay,
                     MeterRegistry meters) {
        this(pending, properties, queueDelay, meters, () -> ThreadLocalRandom.current().nextDouble());
    }

    Admission(PendingAnswers pending, CommandProperties properties, QueueDelay queueDelay, MeterRegistry meters,
              DoubleSupplier random) {
        this.pending = pending;
        this.properties = properties;
        this.queueDelay = queueDelay;
        this.meters = meters;
        this.random = random;
        Gauge.builder("commands.queue.delay", queueDelay, QueueDelay::lastIntervalSeconds).baseUnit("seconds")
                .description("Shortest time an answered command spent in the saga outside the model, last interval")
                .register(meters);
    }

    /**
     * Check and registration are not atomic: concurrent submissions may overshoot the pending limit by up to the
     * number of request threads, acceptable for a guard of the heap that is not an exact quota.
     */
    public void admit(String plan) {
        boolean priority = properties.hasPriority(plan);
        String lane = priority ? "priority" : "standard";
        if (pending.size() >= properties.pendingAnswersLimitFor(plan)) {
            throw refuse(lane, "pending_limit", "Too many commands are waiting for their answer on this server"
                    + " right now; nothing was charged. Retry in a few seconds.");
        }
        if (!priority && random.getAsDouble() < queueDelay.shareToTurnAway()) {
            throw refuse(lane, "queue_delay", "Commands are queueing on this service for over "
                    + queueDelay.target().toSeconds() + " s right now; nothing was charged. Retry in a few"
                    + " seconds (Pro and Enterprise keep a priority lane).");
        }
    }

    private ApiException refuse(String lane, String reason, String message) {
        meters.counter("commands.rejected.overloaded", "lane", lane, "reason", reason).increment();
        return ApiException.overloaded(message, RETRY_AFTER);
    }
}

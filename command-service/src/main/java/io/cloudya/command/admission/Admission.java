package io.cloudya.command.admission;

import io.cloudya.command.answer.PendingAnswers;
import io.cloudya.command.config.CommandProperties;
import io.cloudya.command.web.ApiException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Decides, before anything is stored or charged, whether this instance takes a new command. Two guards, both 503
 * {@code overloaded}: the requests held open (a guard of the heap; standard plans stop short of the limit by the
 * priority reserve, so a flood of Free commands cannot turn Pro and Enterprise users away), and, for standard plans
 * while a queue stands in the saga, as many waiting as the saga serves with the target's worth of queueing
 * ({@link QueueDelay#limit}): past that an admitted command would only wait longer, and make everyone behind it
 * wait longer too, so its caller is better told at once to come back. The wait is reported late (when a command is
 * answered), so it only arms the guard and sizes it; what the guard counts, the commands waiting, is known at once.
 */
@Component
public class Admission {

    /** What a refused client is told to wait: long enough for the saga to work off a part of its queue. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private final PendingAnswers pending;
    private final CommandProperties properties;
    private final AdmissionProperties admission;
    private final QueueDelay queueDelay;
    private final MeterRegistry meters;

    public Admission(PendingAnswers pending, CommandProperties properties, AdmissionProperties admission,
                     QueueDelay queueDelay, MeterRegistry meters) {
        this.pending = pending;
        this.properties = properties;
        this.admission = admission;
        this.queueDelay = queueDelay;
        this.meters = meters;
        Gauge.builder("commands.queue.delay", queueDelay, QueueDelay::lastIntervalSeconds).baseUnit("seconds")
                .description("Shortest time an answered command spent in the saga outside the model, last interval")
                .register(meters);
        Gauge.builder("commands.admission.limit", this, Admission::queueLimitOrNaN)
                .description("Commands that may wait for their answer before Free/Starter ones are turned away,"
                        + " while a queue stands (NaN: none)")
                .register(meters);
    }

    /**
     * Check and registration are not atomic: concurrent submissions may overshoot a limit by up to the number of
     * request threads, acceptable for guards that are not exact quotas.
     */
    public void admit(String plan) {
        boolean priority = properties.hasPriority(plan);
        String lane = priority ? "priority" : "standard";
        int waiting = pending.size();
        if (waiting >= properties.pendingAnswersLimitFor(plan)) {
            throw refuse(lane, "pending_limit", "Too many commands are waiting for their answer on this server"
                    + " right now; nothing was charged. Retry in a few seconds.");
        }
        if (!priority && waiting >= queueLimit()) {
            throw refuse(lane, "queue_limit", "Commands are queueing on this service for over "
                    + admission.queueTarget().toSeconds() + " s right now; nothing was charged. Retry in a few"
                    + " seconds (Pro and Enterprise keep a priority lane).");
        }
    }

    private int queueLimit() {
        return queueDelay.limit(admission.queueLimitFloor());
    }

    private double queueLimitOrNaN() {
        int limit = queueLimit();
        return limit == Integer.MAX_VALUE ? Double.NaN : limit;
    }

    private ApiException refuse(String lane, String reason, String message) {
        meters.counter("commands.rejected.overloaded", "lane", lane, "reason", reason).increment();
        return ApiException.overloaded(message, RETRY_AFTER);
    }
}

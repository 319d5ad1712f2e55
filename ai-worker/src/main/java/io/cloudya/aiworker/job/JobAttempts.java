package io.cloudya.aiworker.job;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs a job until it is settled, on its worker thread. The handler's transaction rolls back on a failure of the
 * database or Kafka (the model's failures are outcomes, not exceptions), so the job is tried again with backoff
 * until its deadline has passed by {@link #GRACE}: one attempt after the deadline records {@code deadline_passed}.
 * If even that fails the job is given up ({@code ai.jobs{outcome=error}}) and acknowledged, as the container's
 * error handler did when jobs ran on the consumer thread. No verdict is sent then: command-service answers the user
 * 3 s past the deadline with where to look, and the ledger's sweeper releases the hold when it expires.
 */
@Component
class JobAttempts {

    static final Duration GRACE = Duration.ofSeconds(5);
    /** Bounds the retries of a job with a far-away deadline: it holds a lane slot meanwhile. */
    static final Duration MAX_RETRYING = Duration.ofSeconds(60);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);
    private static final Logger log = LoggerFactory.getLogger(JobAttempts.class);

    private final RunAiJobHandler handler;
    private final Clock clock;
    private final MeterRegistry meters;

    JobAttempts(RunAiJobHandler handler, Clock clock, MeterRegistry meters) {
        this.handler = handler;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * True once the job is settled (its outcome committed, or given up); false only if the thread was interrupted
     * first, in which case the job must not be acknowledged.
     */
    boolean settle(RunAiJob job) {
        Instant giveUpAt = null;
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            try {
                handler.handle(job);
                return true;
            } catch (RuntimeException e) {
                Instant now = clock.instant();
                if (giveUpAt == null) {
                    Instant latest = now.plus(MAX_RETRYING);
                    Instant deadline = job.job().deadline();
                    giveUpAt = (deadline.isBefore(latest) ? deadline : latest).plus(GRACE);
                }
                if (!now.isBefore(giveUpAt)) {
                    log.error("job {} of command {} given up after repeated failures", job.eventId(),
                            job.job().commandId(), e);
                    meters.counter("ai.jobs", "outcome", "error").increment();
                    return true;
                }
                log.warn("job {} failed, retrying in {}: {}", job.eventId(), backoff, e.toString());
                if (!sleep(backoff)) {
                    return false;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private static boolean sleep(Duration backoff) {
        try {
            Thread.sleep(backoff);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

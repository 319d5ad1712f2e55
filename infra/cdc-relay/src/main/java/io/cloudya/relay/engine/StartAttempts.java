package io.cloudya.relay.engine;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * When one engine's next start attempt runs, on that engine's own thread: the first at once, each retry after a
 * doubling, capped backoff that resets once the engine runs. At most one attempt is pending; the engine decides
 * whether one is wanted.
 */
final class StartAttempts {

    private final Runnable attempt;
    private final Backoff backoff;
    private final ScheduledExecutorService scheduler;
    private ScheduledFuture<?> pending;

    StartAttempts(String database, Runnable attempt, Duration initialBackoff, Duration maxBackoff) {
        this.attempt = attempt;
        this.backoff = new Backoff(initialBackoff, maxBackoff);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("relay-" + database).factory());
    }

    /** Schedules the first attempt at once, starting the backoff over. */
    synchronized void first() {
        backoff.reset();
        schedule(Duration.ZERO);
    }

    /** Schedules the next attempt after the current backoff, which then grows. */
    synchronized void retry() {
        schedule(backoff.next());
    }

    /** The engine runs: its next failure is retried after the initial backoff again. */
    void succeeded() {
        backoff.reset();
    }

    /** Cancels the pending attempt, if any; one already running finishes. */
    synchronized void cancel() {
        if (pending != null) {
            pending.cancel(false);
        }
    }

    /** Releases the scheduling thread; for application shutdown. */
    void shutdown() {
        scheduler.shutdownNow();
    }

    private void schedule(Duration delay) {
        pending = scheduler.schedule(attempt, delay.toMillis(), TimeUnit.MILLISECONDS);
    }
}

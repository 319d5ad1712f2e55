package io.cloudya.aiworker.lane;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * One lane's bounded set of running jobs. A job runs on its own virtual thread (it mostly waits on the model's
 * HTTP stream and the database), holding one of {@code maxInFlight} slots from start to acknowledgment. The
 * slots are handed out first come, first served, so shutdown's wait for an idle lane is not starved by new jobs.
 */
public final class JobLane {

    private final String name;
    private final int maxInFlight;
    private final Semaphore slots;
    private final ThreadFactory threads;

    public JobLane(String name, int maxInFlight, MeterRegistry meters) {
        this.name = name;
        this.maxInFlight = maxInFlight;
        this.slots = new Semaphore(maxInFlight, true);
        this.threads = Thread.ofVirtual().name("ai-job-" + name + "-", 0).factory();
        Gauge.builder("ai.jobs.in.flight", this, JobLane::inFlight)
                .description("AI jobs running now (model call and outcome transaction), per lane")
                .tag("lane", name)
                .register(meters);
    }

    public String name() {
        return name;
    }

    public int maxInFlight() {
        return maxInFlight;
    }

    public int inFlight() {
        return maxInFlight - slots.availablePermits();
    }

    /**
     * Waits up to {@code wait} for a free slot: the lane's back-pressure. Empty if none came free in time.
     *
     * @throws InterruptedException if the waiting consumer thread is interrupted (the container is stopping)
     */
    public Optional<Slot> acquire(Duration wait) throws InterruptedException {
        if (!slots.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
            return Optional.empty();
        }
        return Optional.of(new Slot());
    }

    /** Waits until no job runs in this lane, at most {@code timeout}; false if some still ran then. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        if (!slots.tryAcquire(maxInFlight, timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            return false;
        }
        slots.release(maxInFlight);
        return true;
    }

    /**
     * A taken slot: {@link #run} starts the job with the caller's trace and MDC, and the slot is given back when
     * the job ends.
     */
    public final class Slot {

        private Slot() {
        }

        public void run(Runnable job) {
            Runnable inContext = WorkerContext.carry(job);
            try {
                threads.newThread(() -> {
                    try {
                        inContext.run();
                    } finally {
                        slots.release();
                    }
                }).start();
            } catch (RuntimeException | Error e) {
                slots.release();
                throw e;
            }
        }
    }
}

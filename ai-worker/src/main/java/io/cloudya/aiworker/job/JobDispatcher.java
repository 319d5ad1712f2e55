package io.cloudya.aiworker.job;

import io.cloudya.aiworker.lane.JobLane;
import io.cloudya.aiworker.lane.LaneBusyException;
import io.cloudya.aiworker.lane.LaneProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Starts each job on a worker thread of its lane and calls {@code done} once the job is settled, which lets its
 * offset be committed. Called on the lane's consumer thread: when the lane is full it waits there for a slot
 * (back-pressure: the consumer polls nothing new meanwhile), up to {@code slot-wait}.
 *
 * <p>Every job arrives at least twice (the outbox's fast path and the CDC relay), and again after a rebalance.
 * A copy of a job already running on this instance takes no slot and no connection: it is settled together with
 * the running one, as a duplicate. A copy running on another instance is stopped by the dedup mark's row lock.
 */
@Component
public class JobDispatcher {

    private static final Logger log = LoggerFactory.getLogger(JobDispatcher.class);

    private final JobAttempts attempts;
    private final Duration slotWait;
    private final MeterRegistry meters;
    private final Map<UUID, CompletableFuture<Void>> running = new ConcurrentHashMap<>();

    JobDispatcher(JobAttempts attempts, LaneProperties lanes, MeterRegistry meters) {
        this.attempts = attempts;
        this.slotWait = lanes.slotWait();
        this.meters = meters;
    }

    /**
     * Runs {@code job} in {@code lane}; {@code done} is called when it is settled, on whichever thread settles it.
     *
     * @throws LaneBusyException if no slot came free within {@code slot-wait}; nothing was started
     */
    public void dispatch(JobLane lane, RunAiJob job, Runnable done) {
        CompletableFuture<Void> original = running.get(job.eventId());
        if (original != null) {
            original.thenRun(() -> {
                meters.counter("ai.jobs", "outcome", "duplicate").increment();
                done.run();
            });
            return;
        }
        JobLane.Slot slot = take(lane);
        var settled = new CompletableFuture<Void>();
        running.put(job.eventId(), settled);
        try {
            slot.run(() -> run(job, settled, done));
        } catch (RuntimeException | Error e) {
            running.remove(job.eventId(), settled);
            settled.cancel(false);
            throw e;
        }
    }

    private void run(RunAiJob job, CompletableFuture<Void> settled, Runnable done) {
        boolean ok = false;
        try {
            ok = attempts.settle(job);
        } finally {
            running.remove(job.eventId(), settled);
            if (ok) {
                try {
                    done.run();
                } finally {
                    settled.complete(null);
                }
            } else {
                // interrupted before the outcome committed: neither it nor its copies may be acknowledged
                settled.cancel(false);
            }
        }
    }

    private JobLane.Slot take(JobLane lane) {
        try {
            return lane.acquire(slotWait).orElseThrow(() -> {
                log.warn("lane {} stayed full for {}: its next record goes back to Kafka and is polled again",
                        lane.name(), slotWait);
                meters.counter("ai.jobs.lane.full", "lane", lane.name()).increment();
                return new LaneBusyException(lane, slotWait);
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaneBusyException(lane, e);
        }
    }
}

package io.cloudya.aiworker.lane;

import java.time.Duration;

/**
 * No slot came free in time (or the wait was interrupted): the record goes back to Kafka and is polled again,
 * so the consumer keeps polling within {@code max.poll.interval.ms} and the job is never dropped.
 */
public class LaneBusyException extends RuntimeException {

    public LaneBusyException(JobLane lane, Duration waited) {
        super("lane " + lane.name() + " stayed full (" + lane.maxInFlight() + " jobs) for " + waited);
    }

    public LaneBusyException(JobLane lane, InterruptedException cause) {
        super("waiting for a slot in lane " + lane.name() + " was interrupted", cause);
    }
}

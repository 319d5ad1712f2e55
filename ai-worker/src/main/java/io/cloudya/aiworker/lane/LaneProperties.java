package io.cloudya.aiworker.lane;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cloudya.ai.lanes.*}: how many jobs each lane runs at once. Each lane has its own bound, so a backlog of
 * Free/Starter jobs never takes a Pro/Enterprise slot. {@code slotWait} is how long a lane's consumer waits for
 * a free slot before it hands the record back to Kafka (it must stay well under {@code max.poll.interval.ms});
 * {@code drainTimeout} is how long shutdown lets running jobs finish before the consumers close.
 */
@ConfigurationProperties("cloudya.ai.lanes")
public record LaneProperties(
        @DefaultValue Lane priority,
        @DefaultValue Lane standard,
        @DefaultValue("60s") Duration slotWait,
        @DefaultValue("35s") Duration drainTimeout) {

    public LaneProperties {
        if (slotWait.isNegative() || slotWait.isZero() || drainTimeout.isNegative()) {
            throw new IllegalArgumentException("cloudya.ai.lanes: slot-wait must be positive, drain-timeout >= 0");
        }
    }

    /** Both lanes' bounds together: the most jobs, and so database connections, one instance holds at once. */
    public int totalInFlight() {
        return priority.maxInFlight() + standard.maxInFlight();
    }

    public record Lane(@DefaultValue("16") int maxInFlight) {

        public Lane {
            if (maxInFlight < 1) {
                throw new IllegalArgumentException("cloudya.ai.lanes.*.max-in-flight must be at least 1");
            }
        }
    }
}

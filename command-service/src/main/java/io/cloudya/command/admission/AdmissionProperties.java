package io.cloudya.command.admission;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cloudya.command.admission.*}: while a queue stands in the saga (even the fastest answer of the last
 * {@code queueDelayInterval} waited longer than {@code queueTarget} outside the model), standard-plan commands are
 * turned away (503 {@code overloaded}, nothing charged) once as many wait for their answer as the saga serves with
 * {@code queueTarget} of queueing ({@link QueueDelay#limit}), but never while fewer than {@code queueLimitFloor}
 * wait. A target of 0 leaves only the heap guard.
 */
@ConfigurationProperties("cloudya.command.admission")
public record AdmissionProperties(
        @DefaultValue("2s") Duration queueTarget,
        @DefaultValue("10") int queueLimitFloor,
        @DefaultValue("1s") Duration queueDelayInterval) {

    public AdmissionProperties {
        if (queueTarget.isNegative() || queueLimitFloor < 1) {
            throw new IllegalArgumentException("cloudya.command.admission: queue-target must be >= 0 (0: off) and"
                    + " queue-limit-floor >= 1; were " + queueTarget + " and " + queueLimitFloor);
        }
    }
}

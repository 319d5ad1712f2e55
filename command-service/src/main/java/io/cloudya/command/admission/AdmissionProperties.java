package io.cloudya.command.admission;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cloudya.command.admission.*}: standard-plan commands are turned away (503 {@code overloaded}, nothing
 * charged) while the commands waiting for their answer reach the adaptive limit ({@link SagaLimit}; {@code
 * sagaLimit} false leaves only the heap guard). The limit is steered once per {@code sagaLimitWindow} by the
 * answers' time in the saga outside the model, shrinks when that time passes {@code sagaLimitTolerance} times its
 * long-run average, and never goes below {@code sagaLimitMin}. {@code queueDelayInterval} is the interval of the
 * {@code commands.queue.delay} gauge ({@link QueueDelay}).
 */
@ConfigurationProperties("cloudya.command.admission")
public record AdmissionProperties(
        @DefaultValue("true") boolean sagaLimit,
        @DefaultValue("10") int sagaLimitMin,
        @DefaultValue("1.5") double sagaLimitTolerance,
        @DefaultValue("200ms") Duration sagaLimitWindow,
        @DefaultValue("1s") Duration queueDelayInterval) {

    public AdmissionProperties {
        if (sagaLimitMin < 1 || sagaLimitTolerance < 1 || sagaLimitWindow.toMillis() < 100) {
            throw new IllegalArgumentException("cloudya.command.admission: saga-limit-min must be >= 1,"
                    + " saga-limit-tolerance >= 1 and saga-limit-window >= 100ms; were " + sagaLimitMin + ", "
                    + sagaLimitTolerance + " and " + sagaLimitWindow);
        }
    }
}

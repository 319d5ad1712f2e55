package io.cloudya.command.admission;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cloudya.command.admission.*}: standard-plan commands are turned away (503 {@code overloaded}, nothing
 * charged) while the fastest answer of the last {@code queueDelayInterval} spent longer than
 * {@code queueDelayTarget} in the saga outside the model ({@link QueueDelay}); a target of 0 (the default) turns
 * that off and leaves the measurement (the {@code commands.queue.delay} gauge): in the runs so far it did not
 * reliably shorten the answered commands' tail (docs/benchmarks.md, "Past capacity").
 */
@ConfigurationProperties("cloudya.command.admission")
public record AdmissionProperties(
        @DefaultValue("0s") Duration queueDelayTarget,
        @DefaultValue("1s") Duration queueDelayInterval) {
}

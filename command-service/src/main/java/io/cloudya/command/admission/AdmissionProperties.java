package io.cloudya.command.admission;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cloudya.command.admission.*}: standard-plan commands are turned away (503 {@code overloaded}, nothing
 * charged) while the fastest answer of the last {@code queueDelayInterval} queued longer than
 * {@code queueDelayTarget} before the ai-worker started it ({@link QueueDelay}); a target of 0 turns that off.
 */
@ConfigurationProperties("cloudya.command.admission")
public record AdmissionProperties(
        @DefaultValue("2s") Duration queueDelayTarget,
        @DefaultValue("1s") Duration queueDelayInterval) {
}

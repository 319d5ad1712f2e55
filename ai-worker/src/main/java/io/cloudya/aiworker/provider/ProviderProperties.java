package io.cloudya.aiworker.provider;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cloudya.ai.*}: the model providers in failover order, and the resilience every provider gets (each
 * its own retry and circuit breaker instance). Retries happen only on 429 and 5xx answers, before any text
 * was streamed, and never past the job's deadline.
 */
@ConfigurationProperties("cloudya.ai")
public record ProviderProperties(
        @DefaultValue List<ProviderSettings> providers,
        @DefaultValue Retry retry,
        @DefaultValue CircuitBreaker circuitBreaker) {

    public List<ProviderSettings> enabledProviders() {
        return providers.stream().filter(ProviderSettings::enabled).toList();
    }

    /** Attempts per provider (first call included) and the exponential backoff between them. */
    public record Retry(@DefaultValue("3") int maxAttempts, @DefaultValue("200ms") Duration initialBackoff,
                        @DefaultValue("2.0") double multiplier) {
    }

    /** Opens after this failure rate over the last calls; stays open for {@code openFor}, then probes. */
    public record CircuitBreaker(@DefaultValue("50") float failureRatePercent, @DefaultValue("10") int window,
                                 @DefaultValue("5") int minimumCalls, @DefaultValue("30s") Duration openFor) {
    }
}

package io.cloudya.aiworker.provider;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The provider-level meters: every call's latency by provider and outcome, the time to its first chunk, and every
 * failover. Spring AI's own {@code gen_ai.client.operation} observation would not cover the offline answerer,
 * the circuit breaker's fast failures or the hand-over to the next provider (and is off here anyway).
 */
public class ProviderMetrics {

    public static final String CALLS = "ai.provider.calls";
    public static final String FIRST_CHUNK = "ai.provider.first.chunk";
    public static final String FAILOVERS = "ai.provider.failovers";

    // the histogram's range: an offline answer takes milliseconds, the slowest provider timeout is 60 s
    private static final Duration FASTEST = Duration.ofMillis(5);
    private static final Duration SLOWEST = Duration.ofSeconds(60);

    private final MeterRegistry meters;

    public ProviderMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    ProviderCall start(String provider) {
        return new ProviderCall(this, provider);
    }

    void call(String provider, ProviderOutcome outcome, long nanos) {
        histogram(Timer.builder(CALLS))
                .description("One provider asked for one answer, retries included, until it answered or failed")
                .tag("provider", provider)
                .tag("outcome", outcome.tag())
                .register(meters)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    void firstChunk(String provider, long nanos) {
        histogram(Timer.builder(FIRST_CHUNK))
                .description("From asking a provider to the first piece of its answer reaching the client")
                .tag("provider", provider)
                .register(meters)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    void failover(String from, String to) {
        Counter.builder(FAILOVERS)
                .description("Answers handed to the next provider because this one failed or declined")
                .tag("from", from)
                .tag("to", to)
                .register(meters)
                .increment();
    }

    long monotonicNanos() {
        return meters.config().clock().monotonicTime();
    }

    private static Timer.Builder histogram(Timer.Builder timer) {
        // buckets, so that dashboards can show a provider's p95 rather than only its mean and max
        return timer.publishPercentileHistogram().minimumExpectedValue(FASTEST).maximumExpectedValue(SLOWEST);
    }
}

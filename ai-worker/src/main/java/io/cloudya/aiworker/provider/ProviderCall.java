package io.cloudya.aiworker.provider;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One provider being asked for one answer, retries included: times it from the start to its first chunk and to
 * its end. Chunks may arrive on the HTTP client's thread while the engine's thread waits, hence the atomic flag.
 */
final class ProviderCall {

    private final ProviderMetrics metrics;
    private final String provider;
    private final long startNanos;
    private final AtomicBoolean streamed = new AtomicBoolean();

    ProviderCall(ProviderMetrics metrics, String provider) {
        this.metrics = metrics;
        this.provider = provider;
        this.startNanos = metrics.monotonicNanos();
    }

    /** Called for every chunk passed on; only the first one is timed. */
    void chunk() {
        if (streamed.compareAndSet(false, true)) {
            metrics.firstChunk(provider, elapsedNanos());
        }
    }

    /** Whether any text of this provider has reached the client. */
    boolean streamed() {
        return streamed.get();
    }

    void end(ProviderOutcome outcome) {
        metrics.call(provider, outcome, elapsedNanos());
    }

    private long elapsedNanos() {
        return metrics.monotonicNanos() - startNanos;
    }
}

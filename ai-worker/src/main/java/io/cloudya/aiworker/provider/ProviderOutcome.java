package io.cloudya.aiworker.provider;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.io.InterruptedIOException;
import java.net.http.HttpTimeoutException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/**
 * What became of asking one provider: the {@code outcome} tag of {@code ai.provider.calls}. Only what the failure
 * itself shows is used (no extra calls), so an operator can tell a provider that is slow, throttling us, shed by
 * its breaker or broken apart.
 */
public enum ProviderOutcome {
    /** It answered. */
    SUCCESS,
    /** It answered nothing usable (empty answer): the next provider is asked, as after a failure. */
    DECLINED,
    /** Its circuit breaker was open: no request was sent. */
    CIRCUIT_OPEN,
    /** Its own timeout or the job's deadline ran out, before or during the stream. */
    TIMEOUT,
    /** It still answered 429 after the retries. */
    RATE_LIMITED,
    /** Its stream broke after part of the answer had reached the client. */
    INTERRUPTED,
    /** Any other failure: 5xx after the retries, 4xx, refused connection, unreadable stream. */
    ERROR;

    private static final String BLOCKING_READ_TIMEOUT = "Timeout on blocking read";

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The outcome of a call that threw {@code failure}; {@code streamed} when text had already been passed on. */
    static ProviderOutcome of(Throwable failure, boolean streamed) {
        boolean rateLimited = false;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CallNotPermittedException) {
                return CIRCUIT_OPEN;
            }
            if (isTimeout(t)) {
                return TIMEOUT;
            }
            rateLimited |= RetryableFailures.status(t) == 429;
        }
        if (rateLimited) {
            return RATE_LIMITED;
        }
        return streamed ? INTERRUPTED : ERROR;
    }

    private static boolean isTimeout(Throwable t) {
        // Flux.timeout, the SDKs' socket and call timeouts (SocketTimeoutException is an InterruptedIOException),
        // and Reactor's blockLast(budget), which says so only in its message
        return t instanceof TimeoutException || t instanceof InterruptedIOException
                || t instanceof HttpTimeoutException
                || t instanceof IllegalStateException && t.getMessage() != null
                        && t.getMessage().startsWith(BLOCKING_READ_TIMEOUT);
    }
}

package io.cloudya.aiworker.lane;

import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import java.util.Map;
import org.slf4j.MDC;

/**
 * Carries what the consumer thread knows about a record (the current observation, so the trace continues into
 * the model call and the outcome's traceparent, and the logging MDC) over to the job's worker thread.
 */
final class WorkerContext {

    private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder().build();

    private WorkerContext() {
    }

    /** Captures the calling thread's context now; the returned task runs {@code job} inside it. */
    static Runnable carry(Runnable job) {
        ContextSnapshot snapshot = SNAPSHOTS.captureAll();
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        return () -> {
            if (mdc != null) {
                MDC.setContextMap(mdc);
            }
            try (ContextSnapshot.Scope scope = snapshot.setThreadLocals()) {
                job.run();
            } finally {
                MDC.clear();
            }
        };
    }
}

package io.cloudya.command.answer;

import io.cloudya.contracts.command.ExecutionMode;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * The HTTP requests this instance holds open, by command id. No thread waits: a {@link DeferredResult} is
 * completed by whichever comes first, the answer event or the deadline, and the entry leaves the map either way.
 */
@Component
public class PendingAnswers {

    private final ConcurrentMap<UUID, PendingAnswer> pending = new ConcurrentHashMap<>();
    private final MeterRegistry meters;

    public PendingAnswers(MeterRegistry meters) {
        this.meters = meters;
        Gauge.builder("commands.pending.answers", pending, Map::size)
                .description("HTTP requests parked on this instance, waiting for their answer")
                .register(meters);
    }

    /** Must be called before the command's transaction commits: the answer may arrive milliseconds later. */
    public DeferredResult<ResponseEntity<Object>> register(
            UUID commandId, ExecutionMode mode, Duration timeout, Runnable onTimeout) {
        var result = new DeferredResult<ResponseEntity<Object>>(timeout.toMillis());
        var entry = new PendingAnswer(result, mode, System.nanoTime());
        pending.put(commandId, entry);
        result.onTimeout(() -> {
            if (pending.remove(commandId, entry)) {
                recordLatency(entry, "timeout");
                onTimeout.run();
            }
            result.setResult(AnswerResponses.timeout());
        });
        result.onCompletion(() -> pending.remove(commandId, entry));
        result.onError(error -> pending.remove(commandId, entry));
        return result;
    }

    /** Completes the request for {@code commandId} if this instance holds it; false if another one does. */
    public boolean complete(UUID commandId, String outcome, Function<ExecutionMode, ResponseEntity<Object>> answer) {
        PendingAnswer entry = pending.remove(commandId);
        if (entry == null) {
            return false;
        }
        recordLatency(entry, outcome);
        return entry.result().setResult(answer.apply(entry.mode()));
    }

    /** Forgets a request whose command could not be stored: nothing will ever answer it. */
    public void discard(UUID commandId) {
        pending.remove(commandId);
    }

    public int size() {
        return pending.size();
    }

    private void recordLatency(PendingAnswer entry, String outcome) {
        Timer.builder("commands.answer.latency")
                .description("From accepting a command to its HTTP answer")
                .tag("outcome", outcome)
                .register(meters)
                .record(Duration.ofNanos(System.nanoTime() - entry.startedNanos()));
    }

    private record PendingAnswer(DeferredResult<ResponseEntity<Object>> result, ExecutionMode mode,
                                 long startedNanos) {
    }
}

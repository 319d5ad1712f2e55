package io.cloudya.command.answer;

import io.cloudya.contracts.ai.AiAnswerChunk;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The HTTP requests this instance holds open, by command id. No thread waits: whichever comes first, the
 * answer event or the deadline timer, removes the entry and finishes its sink; the other finds nothing.
 */
@Component
public class PendingAnswers {

    private static final Logger log = LoggerFactory.getLogger(PendingAnswers.class);

    private final ConcurrentMap<UUID, Entry> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService deadlines;
    private final MeterRegistry meters;

    public PendingAnswers(ScheduledExecutorService answerDeadlines, MeterRegistry meters) {
        this.deadlines = answerDeadlines;
        this.meters = meters;
        Gauge.builder("commands.pending.answers", pending, Map::size)
                .description("HTTP requests parked on this instance, waiting for their answer")
                .register(meters);
    }

    /**
     * Must be called before the command's transaction commits: the answer may arrive milliseconds later.
     * At the deadline {@code onTimeout} runs (it records the timeout), then the sink gets 504.
     */
    public void register(UUID commandId, AnswerSink sink, Duration timeout, Runnable onTimeout) {
        var entry = new Entry(sink, System.nanoTime());
        pending.put(commandId, entry);
        entry.deadline = deadlines.schedule(() -> expire(commandId, entry, onTimeout), timeout.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Finishes the request for {@code commandId} if this instance holds it; false if another one does. */
    public boolean complete(UUID commandId, String outcome, Supplier<ResponseEntity<Object>> answer) {
        Entry entry = pending.remove(commandId);
        if (entry == null) {
            return false;
        }
        entry.cancelDeadline();
        recordLatency(entry, outcome);
        ResponseEntity<Object> response;
        try {
            response = answer.get();
        } catch (RuntimeException e) {
            log.error("could not build the answer of command {}", commandId, e);
            response = AnswerResponses.internalError();
        }
        entry.sink.finish(response);
        return true;
    }

    /** Forwards a streamed piece to the request's sink, if this instance holds it. */
    public void chunk(AiAnswerChunk chunk) {
        Entry entry = pending.get(chunk.commandId());
        if (entry != null) {
            entry.sink.chunk(chunk);
        }
    }

    /** Forgets a request whose command could not be stored: nothing will ever answer it. */
    public void discard(UUID commandId) {
        Entry entry = pending.remove(commandId);
        if (entry != null) {
            entry.cancelDeadline();
        }
    }

    public int size() {
        return pending.size();
    }

    private void expire(UUID commandId, Entry entry, Runnable onTimeout) {
        if (!pending.remove(commandId, entry)) {
            return;
        }
        recordLatency(entry, "timeout");
        try {
            onTimeout.run();
        } catch (RuntimeException e) {
            log.error("could not record the timeout of command {}; the ledger's expiry releases its tokens",
                    commandId, e);
        }
        entry.sink.finish(AnswerResponses.timeout());
    }

    private void recordLatency(Entry entry, String outcome) {
        Timer.builder("commands.answer.latency")
                .description("From accepting a command to its HTTP answer")
                .tag("outcome", outcome)
                .register(meters)
                .record(Duration.ofNanos(System.nanoTime() - entry.startedNanos));
    }

    private static final class Entry {
        final AnswerSink sink;
        final long startedNanos;
        volatile ScheduledFuture<?> deadline;

        Entry(AnswerSink sink, long startedNanos) {
            this.sink = sink;
            this.startedNanos = startedNanos;
        }

        void cancelDeadline() {
            ScheduledFuture<?> timer = deadline;
            if (timer != null) {
                timer.cancel(false);
            }
        }
    }
}

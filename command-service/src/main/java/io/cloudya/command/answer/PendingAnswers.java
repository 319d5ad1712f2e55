package io.cloudya.command.answer;

import io.cloudya.contracts.ai.AiAnswerChunk;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The HTTP requests this instance holds open, by command id. No thread waits: whichever finishes a request (its
 * outcome or the deadline) removes the entry and finishes its sink; the other finds it gone. The command's row
 * decides the same race for the money: an answer after the deadline's 504 changes nothing, the timeout released
 * the tokens.
 */
@Component
public class PendingAnswers {

    /** How long a request whose outcome won the race with its deadline waits for that outcome to arrive here. */
    static final Duration DECIDED_GRACE = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(PendingAnswers.class);

    private final ConcurrentMap<UUID, ParkedRequest> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;
    private final AnswerMeters meters;

    public PendingAnswers(ScheduledExecutorService answerDeadlines, MeterRegistry meters) {
        this.timer = answerDeadlines;
        this.meters = new AnswerMeters(meters, pending);
    }

    /**
     * Must be called before the command's transaction commits: the answer may arrive milliseconds later.
     * At the deadline {@code onTimeout} runs: it records the timeout and says whether it did; then the sink gets 504.
     * If it did not (the command's outcome was recorded just before, and is on its way here), the request waits
     * {@link #DECIDED_GRACE} more for that outcome instead of telling a client "nothing was charged" about a command
     * that was answered and charged.
     */
    public void register(UUID commandId, AnswerSink sink, Duration timeout, BooleanSupplier onTimeout) {
        var entry = new ParkedRequest(sink, System.nanoTime());
        pending.put(commandId, entry);
        entry.deadline(timer.schedule(() -> expire(commandId, entry, onTimeout), timeout.toMillis(),
                TimeUnit.MILLISECONDS));
    }

    /** Finishes the request for {@code commandId} at once if this instance holds it; false if another one does. */
    public boolean complete(UUID commandId, String outcome, Supplier<ResponseEntity<Object>> answer) {
        ParkedRequest entry = pending.get(commandId);
        return entry != null && finish(commandId, entry, outcome, answer);
    }

    /** Whether this instance holds the request of {@code commandId}. */
    public boolean holds(UUID commandId) {
        return pending.containsKey(commandId);
    }

    /** Forwards a streamed piece to the request's sink, if this instance holds it. */
    public void chunk(AiAnswerChunk chunk) {
        ParkedRequest entry = pending.get(chunk.commandId());
        if (entry != null) {
            entry.sink.chunk(chunk);
        }
    }

    /** Forgets a request whose command could not be stored: nothing will ever answer it. */
    public void discard(UUID commandId) {
        ParkedRequest entry = pending.remove(commandId);
        if (entry != null) {
            entry.cancelDeadline();
        }
    }

    public int size() {
        return pending.size();
    }

    private boolean finish(UUID commandId, ParkedRequest entry, String outcome,
                           Supplier<ResponseEntity<Object>> answer) {
        if (!pending.remove(commandId, entry)) {
            return false;
        }
        entry.cancelDeadline();
        meters.latency(entry, outcome);
        entry.sink.finish(AnswerResponses.orInternalError(commandId, answer));
        return true;
    }

    private void expire(UUID commandId, ParkedRequest entry, BooleanSupplier onTimeout) {
        if (!pending.remove(commandId, entry)) {
            return;
        }
        boolean timedOut = true;
        try {
            timedOut = onTimeout.getAsBoolean();
        } catch (RuntimeException e) {
            log.error("could not record the timeout of command {}; the ledger's expiry releases its tokens",
                    commandId, e);
        }
        if (!timedOut && pending.putIfAbsent(commandId, entry) == null) {
            entry.deadline(timer.schedule(() -> giveUp(commandId, entry), DECIDED_GRACE.toMillis(),
                    TimeUnit.MILLISECONDS));
            return;
        }
        meters.latency(entry, "timeout");
        entry.sink.finish(AnswerResponses.timeout());
    }

    /** The outcome recorded at the deadline never reached this instance: the client is told where to find it. */
    private void giveUp(UUID commandId, ParkedRequest entry) {
        if (pending.remove(commandId, entry)) {
            meters.latency(entry, "timeout");
            entry.sink.finish(AnswerResponses.decidedElsewhere(commandId));
        }
    }
}

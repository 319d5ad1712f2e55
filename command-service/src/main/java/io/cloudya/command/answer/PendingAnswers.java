package io.cloudya.command.answer;

import io.cloudya.contracts.ai.AiAnswerChunk;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The HTTP requests this instance holds open, by command id. No thread waits: whichever finishes a request (its
 * outcome or the last timer) removes the entry and finishes its sink; the other finds it gone. The deadline itself
 * decides nothing here: the ai-worker does (an answer ready after the job's deadline becomes AiJobFailed
 * {@code deadline_passed}, never charged), and the ledger follows the same verdict, so the request waits a little
 * past the deadline for it instead of guessing what was charged.
 */
@Component
public class PendingAnswers {

    /**
     * How long past the job's deadline a request waits for the ai-worker's verdict (normally milliseconds: the
     * model call is cut at the deadline). Deadline + grace stays under the gateway's route timeout (30 + 3 < 35 s).
     */
    static final Duration VERDICT_GRACE = Duration.ofSeconds(3);

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
     * {@code deadline} is the job's (from now); with no verdict by {@link #VERDICT_GRACE} after it, the client gets
     * 504 and where to find the outcome.
     */
    public void register(UUID commandId, AnswerSink sink, Duration deadline) {
        var entry = new ParkedRequest(sink, System.nanoTime());
        pending.put(commandId, entry);
        entry.deadline(timer.schedule(() -> giveUp(commandId, entry), deadline.plus(VERDICT_GRACE).toMillis(),
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

    /** No verdict reached this instance in time (a part down or far behind): the client is told where to look. */
    private void giveUp(UUID commandId, ParkedRequest entry) {
        if (pending.remove(commandId, entry)) {
            log.info("no verdict for command {} by its deadline + {}; answered 504", commandId, VERDICT_GRACE);
            meters.latency(entry, "timeout");
            entry.sink.finish(AnswerResponses.verdictPending(commandId));
        }
    }
}

package io.cloudya.aiworker.job;

import io.cloudya.aiworker.provider.AnswerEngine;
import io.cloudya.aiworker.provider.AnswerRequest;
import io.cloudya.aiworker.provider.AnswerStream;
import io.cloudya.aiworker.provider.NoProviderAnsweredException;
import io.cloudya.aiworker.provider.ProviderAnswer;
import io.cloudya.aiworker.safety.CommandSafetyValidator;
import io.cloudya.aiworker.words.FittedAnswer;
import io.cloudya.aiworker.words.WordCounter;
import io.cloudya.contracts.Event;
import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.ai.AiJobCompleted;
import io.cloudya.contracts.ai.AiJobFailed;
import io.cloudya.contracts.ai.ProposedCommand;
import io.cloudya.contracts.command.AiJobRequested;
import io.cloudya.contracts.command.ExecutionMode;
import io.cloudya.outbox.OutboxWriter;
import io.cloudya.outbox.ProcessedEvents;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers one job in one transaction: dedup mark, ai_job row and the outcome event commit together. The mark
 * comes first on purpose, before the model is asked: a redelivery arriving while a model is still thinking waits
 * on the mark's row lock and is then skipped, instead of paying for the model twice.
 *
 * <p>So every running job holds one database connection for its whole answer (at most its deadline, 30 s from
 * command-service). Jobs run concurrently, up to {@code cloudya.ai.lanes.<lane>.max-in-flight} per lane
 * ({@link JobDispatcher}), and the pool is sized from those bounds (lane.LanePoolSizing). That costs connections
 * and is kept on purpose: letting the connection go during the model call would need a claim row with a lease the
 * worker renews while the model thinks, and a redelivery after a crash would have to wait out that lease. The row
 * lock needs none of that: PostgreSQL drops it as soon as the crashed worker's connection closes (for a host that
 * vanished, once TCP keepalive notices). Copies of a job that arrive on this instance while it runs do not get
 * here: they are settled with it and hold no connection.
 */
@Component
public class RunAiJobHandler {

    public static final String GROUP = "ai-worker";
    static final String AGGREGATE = "ai-job";

    private final ProcessedEvents processed;
    private final AnswerEngine engine;
    private final CommandSafetyValidator safety;
    private final WordCounter words;
    private final AnswerChunkPublisher chunks;
    private final AiJobRepository jobs;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final MeterRegistry meters;

    RunAiJobHandler(ProcessedEvents processed, AnswerEngine engine, CommandSafetyValidator safety, WordCounter words,
                    AnswerChunkPublisher chunks, AiJobRepository jobs, OutboxWriter outbox, Clock clock,
                    MeterRegistry meters) {
        this.processed = processed;
        this.engine = engine;
        this.safety = safety;
        this.words = words;
        this.chunks = chunks;
        this.jobs = jobs;
        this.outbox = outbox;
        this.clock = clock;
        this.meters = meters;
    }

    /** Returns the outcome: {@code completed}, a failure code, or {@code duplicate} (nothing done). */
    @Transactional
    public String handle(RunAiJob command) {
        if (!processed.markFirstDelivery(GROUP, command.eventId())) {
            return count("duplicate");
        }
        AiJobRequested job = command.job();
        Instant startedAt = clock.instant();
        if (!startedAt.isBefore(job.deadline())) {
            return fail(command, "deadline_passed", "The answer's deadline passed before the job could start.");
        }
        ProviderAnswer answer;
        try {
            var request = new AnswerRequest(job.userInput(), job.executionMode(), job.deadline(), job.history());
            answer = engine.answer(request, job.streamsChunks() ? chunks.streamFor(command) : AnswerStream.DISCARD);
        } catch (NoProviderAnsweredException e) {
            if (clock.instant().isBefore(job.deadline())) {
                return fail(command, "no_provider", e.getMessage());
            }
            return fail(command, "deadline_passed", "The deadline passed before an AI provider answered. "
                    + e.getMessage());
        } finally {
            if (job.streamsChunks()) {
                chunks.flush();
            }
        }
        // every command is judged here, after the model, whatever the prompt or the model said about it
        List<ProposedCommand> commands = job.executionMode() == ExecutionMode.EXPLAIN
                ? List.of() : safety.review(answer.commands());
        FittedAnswer fitted = words.fit(answer.response(), commands, job.maxWords());
        Instant now = clock.instant();
        if (!now.isBefore(job.deadline())) {
            // The ledger charges what this event says and command-service answers with it: both follow this
            // verdict, so an answer finished after the deadline (whose client was told 504) is never charged.
            return fail(command, "deadline_passed", "The answer was ready only after its deadline.");
        }
        jobs.insert(new AiJob(command.eventId(), job.commandId(), job.userId(), answer.provider(), answer.model(),
                fitted.wordsUsed(), now));
        emit(command, new AiJobCompleted(job.commandId(), job.userId(), fitted.response(), fitted.commands(),
                answer.provider(), answer.model(), fitted.wordsUsed(), job.reservation(), startedAt));
        return count("completed");
    }

    private String fail(RunAiJob command, String code, String message) {
        emit(command, new AiJobFailed(command.job().commandId(), command.job().userId(), code, message));
        return count(code);
    }

    private void emit(RunAiJob command, Event outcome) {
        // On the command's own topic, keyed by user: the ledger reads this outcome before the user's next command.
        outbox.append(Topics.COMMAND_EVENTS, AGGREGATE,
                EventEnvelope.of(command.job().userId(), command.traceId(), outcome));
    }

    private String count(String outcome) {
        meters.counter("ai.jobs", "outcome", outcome).increment();
        return outcome;
    }
}

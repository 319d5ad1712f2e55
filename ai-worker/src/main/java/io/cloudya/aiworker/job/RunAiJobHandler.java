package io.cloudya.aiworker.job;

import io.cloudya.aiworker.provider.AnswerEngine;
import io.cloudya.aiworker.provider.AnswerRequest;
import io.cloudya.aiworker.provider.NoProviderAnsweredException;
import io.cloudya.aiworker.provider.ProviderAnswer;
import io.cloudya.aiworker.words.FittedAnswer;
import io.cloudya.aiworker.words.WordCounter;
import io.cloudya.contracts.Event;
import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.ai.AiJobCompleted;
import io.cloudya.contracts.ai.AiJobFailed;
import io.cloudya.contracts.command.AiJobRequested;
import io.cloudya.outbox.OutboxWriter;
import io.cloudya.outbox.ProcessedEvents;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers one job in one transaction: dedup mark, ai_job row and the outcome event commit together.
 * The offline provider answers in microseconds; when a remote model joins, its call should move before the
 * transaction so that no database connection is held while a model thinks.
 */
@Component
public class RunAiJobHandler {

    public static final String GROUP = "ai-worker";
    static final String AGGREGATE = "ai-job";

    private final ProcessedEvents processed;
    private final AnswerEngine engine;
    private final WordCounter words;
    private final AiJobRepository jobs;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final MeterRegistry meters;

    public RunAiJobHandler(ProcessedEvents processed, AnswerEngine engine, WordCounter words, AiJobRepository jobs,
                           OutboxWriter outbox, Clock clock, MeterRegistry meters) {
        this.processed = processed;
        this.engine = engine;
        this.words = words;
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
        Instant now = clock.instant();
        if (!now.isBefore(job.deadline())) {
            return fail(command, "deadline_passed", "The answer's deadline passed before the job could start.");
        }
        ProviderAnswer answer;
        try {
            answer = engine.answer(new AnswerRequest(job.userInput(), job.executionMode()));
        } catch (NoProviderAnsweredException e) {
            return fail(command, "no_provider", e.getMessage());
        }
        FittedAnswer fitted = words.fit(answer.response(), answer.commands(), job.maxWords());
        jobs.insert(new AiJob(command.eventId(), job.commandId(), job.userId(), answer.provider(), answer.model(),
                fitted.wordsUsed(), now));
        emit(command, new AiJobCompleted(job.commandId(), job.userId(), fitted.response(), fitted.commands(),
                answer.provider(), answer.model(), fitted.wordsUsed()));
        return count("completed");
    }

    private String fail(RunAiJob command, String code, String message) {
        emit(command, new AiJobFailed(command.job().commandId(), command.job().userId(), code, message));
        return count(code);
    }

    private void emit(RunAiJob command, Event outcome) {
        outbox.append(Topics.AI_JOB_EVENTS, AGGREGATE,
                EventEnvelope.of(command.job().userId(), command.traceId(), outcome));
    }

    private String count(String outcome) {
        meters.counter("ai.jobs", "outcome", outcome).increment();
        return outcome;
    }
}

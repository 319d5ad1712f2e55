package io.cloudya.command.answer;

import io.cloudya.command.store.CommandRepository;
import io.cloudya.contracts.Event;
import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.ai.AiJobCompleted;
import io.cloudya.contracts.ai.AiJobFailed;
import io.cloudya.outbox.ProcessedEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Records an AiJobCompleted / AiJobFailed on the command row, once per event id. */
@Component
public class RecordAiJobOutcomeHandler {

    public static final String GROUP = "command-service";
    private static final Logger log = LoggerFactory.getLogger(RecordAiJobOutcomeHandler.class);

    private final ProcessedEvents processed;
    private final CommandRepository commands;
    private final Clock clock;
    private final Counter duplicates;

    public RecordAiJobOutcomeHandler(ProcessedEvents processed, CommandRepository commands, Clock clock,
                                     MeterRegistry meters) {
        this.processed = processed;
        this.commands = commands;
        this.clock = clock;
        this.duplicates = Counter.builder("commands.outcome.duplicates")
                .description("AiJob outcome deliveries skipped because their event id was already recorded")
                .register(meters);
    }

    /** True when this delivery changed state; false for duplicates and events this handler ignores. */
    @Transactional
    public boolean handle(EventEnvelope<? extends Event> envelope) {
        if (!(envelope.payload() instanceof AiJobCompleted) && !(envelope.payload() instanceof AiJobFailed)) {
            return false;
        }
        if (!processed.markFirstDelivery(GROUP, envelope.id())) {
            duplicates.increment();
            return false;
        }
        int changed = switch (envelope.payload()) {
            case AiJobCompleted answer -> commands.recordCompleted(answer, clock.instant());
            case AiJobFailed failure -> commands.recordFailed(failure, clock.instant());
            default -> 0;
        };
        if (changed == 0) {
            // A late answer for a command that already timed out (or is unknown here): keep the 504's story.
            log.info("outcome event {} changed no pending command", envelope.id());
        }
        return changed > 0;
    }
}

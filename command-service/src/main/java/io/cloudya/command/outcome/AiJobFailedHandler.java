package io.cloudya.command.outcome;

import io.cloudya.command.events.CommandEvents;
import io.cloudya.command.events.FirstDeliveries;
import io.cloudya.command.store.CommandTransitions;
import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.ai.AiJobFailed;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The ai-worker gave up: the command FAILED and the ledger releases the whole reservation (CommandFailed). */
@Component
class AiJobFailedHandler {

    /** The ai-worker's code when no provider could answer; every other failure is reported as ai_failed. */
    static final String NO_PROVIDER = "no_provider";

    private final FirstDeliveries deliveries;
    private final CommandTransitions transitions;
    private final CommandEvents commandEvents;
    private final Clock clock;

    AiJobFailedHandler(FirstDeliveries deliveries, CommandTransitions transitions, CommandEvents commandEvents,
                       Clock clock) {
        this.deliveries = deliveries;
        this.transitions = transitions;
        this.commandEvents = commandEvents;
        this.clock = clock;
    }

    @Transactional
    public void handle(EventEnvelope<?> envelope, AiJobFailed failure) {
        if (!deliveries.isFirst(envelope)) {
            return;
        }
        String reason = NO_PROVIDER.equals(failure.code()) ? NO_PROVIDER : "ai_failed";
        transitions.fail(failure.commandId(), failure.code(), failure.message(), clock.instant())
                .ifPresent(command -> commandEvents.failed(command, reason));
    }
}

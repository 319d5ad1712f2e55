package io.cloudya.command.outcome;

import io.cloudya.command.events.FirstDeliveries;
import io.cloudya.command.store.CommandTransitions;
import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.ai.AiJobFailed;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The ai-worker gave up: the command FAILED; the ledger releases the whole hold from the same event. */
@Component
class AiJobFailedHandler {

    private final FirstDeliveries deliveries;
    private final CommandTransitions transitions;
    private final Clock clock;

    AiJobFailedHandler(FirstDeliveries deliveries, CommandTransitions transitions, Clock clock) {
        this.deliveries = deliveries;
        this.transitions = transitions;
        this.clock = clock;
    }

    @Transactional
    public void handle(EventEnvelope<?> envelope, AiJobFailed failure) {
        if (!deliveries.isFirst(envelope)) {
            return;
        }
        transitions.fail(failure.commandId(), failure.code(), failure.message(), clock.instant());
    }
}

package io.cloudya.command.reservation;

import io.cloudya.command.events.CommandEvents;
import io.cloudya.command.events.FirstDeliveries;
import io.cloudya.command.store.CommandStatus;
import io.cloudya.command.store.CommandTransitions;
import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.token.TokensReserved;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger holds the tokens: store the reservation and ask the ai-worker, in one transaction. If the client's
 * deadline already passed, release the reservation at once instead of letting it hang until the ledger expires it.
 */
@Component
class TokensReservedHandler {

    private static final Logger log = LoggerFactory.getLogger(TokensReservedHandler.class);

    private final FirstDeliveries deliveries;
    private final CommandTransitions transitions;
    private final AiJobRequester aiJobs;
    private final CommandEvents commandEvents;

    TokensReservedHandler(FirstDeliveries deliveries, CommandTransitions transitions, AiJobRequester aiJobs,
                          CommandEvents commandEvents) {
        this.deliveries = deliveries;
        this.transitions = transitions;
        this.aiJobs = aiJobs;
        this.commandEvents = commandEvents;
    }

    @Transactional
    public void handle(EventEnvelope<?> envelope, TokensReserved reserved) {
        if (!deliveries.isFirst(envelope)) {
            return;
        }
        transitions.reserve(reserved).ifPresentOrElse(command -> {
            if (command.status() == CommandStatus.RESERVED) {
                aiJobs.request(command);
            } else if (command.status() == CommandStatus.TIMED_OUT) {
                commandEvents.failed(command, "answer_timeout");
            }
        }, () -> log.info("TokensReserved {} matches no waiting command", envelope.id()));
    }
}

package io.cloudya.command.reservation;

import io.cloudya.command.events.FirstDeliveries;
import io.cloudya.command.store.CommandTransitions;
import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.token.TokensRejected;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Not enough tokens: the command ends REJECTED (nothing was reserved, so nothing to release). */
@Component
class TokensRejectedHandler {

    private final FirstDeliveries deliveries;
    private final CommandTransitions transitions;
    private final Clock clock;

    TokensRejectedHandler(FirstDeliveries deliveries, CommandTransitions transitions, Clock clock) {
        this.deliveries = deliveries;
        this.transitions = transitions;
        this.clock = clock;
    }

    @Transactional
    public void handle(EventEnvelope<?> envelope, TokensRejected rejected) {
        if (!deliveries.isFirst(envelope)) {
            return;
        }
        transitions.reject(rejected.commandId(), "Needed up to " + rejected.requested() + " tokens, balance was "
                + rejected.available() + ".", clock.instant());
    }
}

package io.cloudya.command.reservation;

import io.cloudya.command.events.FirstDeliveries;
import io.cloudya.command.store.CommandTransitions;
import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.token.ReservationReleased;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger's hold expired with no verdict from the ai-worker (it gave up on a job, its database down past the
 * deadline): the command, still waiting, ends FAILED, so no row stays PENDING for ever. Other releases follow a
 * verdict this service has recorded already and change nothing.
 */
@Component
class HoldExpiredHandler {

    static final String EXPIRED = "expired";

    private final FirstDeliveries deliveries;
    private final CommandTransitions transitions;
    private final Clock clock;

    HoldExpiredHandler(FirstDeliveries deliveries, CommandTransitions transitions, Clock clock) {
        this.deliveries = deliveries;
        this.transitions = transitions;
        this.clock = clock;
    }

    @Transactional
    public void handle(EventEnvelope<?> envelope, ReservationReleased released) {
        if (!EXPIRED.equals(released.reason()) || !deliveries.isFirst(envelope)) {
            return;
        }
        transitions.fail(released.commandId(), "hold_expired", "No answer came before the token hold expired;"
                + " nothing was charged.", clock.instant());
    }
}

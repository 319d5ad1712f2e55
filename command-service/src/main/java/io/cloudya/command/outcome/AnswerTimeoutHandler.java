package io.cloudya.command.outcome;

import io.cloudya.command.events.CommandEvents;
import io.cloudya.command.store.CommandTransitions;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The client's deadline passed (it got 504): the command is TIMED_OUT and CommandFailed releases its tokens. Once:
 * only a waiting row changes. This service does not know whether the ledger holds tokens yet; the ledger does:
 * it releases the hold, or parks the outcome and releases the hold as it takes it (sending no job then).
 */
@Component
public class AnswerTimeoutHandler {

    private final CommandTransitions transitions;
    private final CommandEvents commandEvents;
    private final Clock clock;

    AnswerTimeoutHandler(CommandTransitions transitions, CommandEvents commandEvents, Clock clock) {
        this.transitions = transitions;
        this.commandEvents = commandEvents;
        this.clock = clock;
    }

    /** True when the command timed out here; false when its outcome was recorded first (nothing changed). */
    @Transactional
    public boolean handle(UUID commandId) {
        return transitions.timeOut(commandId, clock.instant()).map(command -> {
            commandEvents.failed(command, "answer_timeout");
            return true;
        }).orElse(false);
    }
}

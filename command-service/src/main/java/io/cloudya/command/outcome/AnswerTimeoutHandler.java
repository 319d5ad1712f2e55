package io.cloudya.command.outcome;

import io.cloudya.command.events.CommandEvents;
import io.cloudya.command.store.CommandTransitions;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The client's deadline passed (it got 504): the command is TIMED_OUT and, if tokens are held, CommandFailed
 * releases them. Once: only a waiting row changes. A reservation that arrives later is released by
 * TokensReservedHandler, so exactly one CommandFailed(answer_timeout) goes out either way.
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

    @Transactional
    public void handle(UUID commandId) {
        transitions.timeOut(commandId, clock.instant())
                .filter(command -> command.reservation() != null)
                .ifPresent(command -> commandEvents.failed(command, "answer_timeout"));
    }
}

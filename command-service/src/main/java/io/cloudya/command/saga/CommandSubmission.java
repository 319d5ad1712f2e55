package io.cloudya.command.saga;

import io.cloudya.command.answer.PendingAnswers;
import io.cloudya.command.api.ValidCommand;
import io.cloudya.command.config.CommandProperties;
import io.cloudya.command.store.CommandRepository;
import io.cloudya.command.web.Caller;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * Starts a command's saga and parks its HTTP request. The request is registered before the transaction
 * commits, because the fast path publishes right after commit and the answer can come back within milliseconds.
 */
@Component
public class CommandSubmission {

    private final SubmitCommandHandler handler;
    private final PendingAnswers pending;
    private final CommandRepository commands;
    private final CommandProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;

    public CommandSubmission(SubmitCommandHandler handler, PendingAnswers pending, CommandRepository commands,
                             CommandProperties properties, Clock clock, MeterRegistry meters) {
        this.handler = handler;
        this.pending = pending;
        this.commands = commands;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    public DeferredResult<ResponseEntity<Object>> submit(Caller caller, ValidCommand command, String traceId) {
        UUID commandId = UUID.randomUUID();
        Instant now = clock.instant();
        var result = pending.register(commandId, command.executionMode(), properties.answerTimeout(),
                () -> commands.markTimedOut(commandId, clock.instant()));
        try {
            handler.handle(new SubmitCommand(commandId, caller.userId(), caller.plan(), command.userInput(),
                    command.executionMode(), properties.maxWordsFor(caller.plan()), now,
                    now.plus(properties.answerTimeout()), traceId));
        } catch (RuntimeException e) {
            pending.discard(commandId);
            throw e;
        }
        Counter.builder("commands.requested")
                .description("Commands accepted, by plan and execution mode")
                .tag("plan", caller.plan())
                .tag("mode", command.executionMode().wireName())
                .register(meters)
                .increment();
        return result;
    }
}

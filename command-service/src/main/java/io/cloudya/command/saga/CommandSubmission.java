package io.cloudya.command.saga;

import io.cloudya.command.answer.AnswerSink;
import io.cloudya.command.answer.PendingAnswers;
import io.cloudya.command.api.ValidCommand;
import io.cloudya.command.config.CommandProperties;
import io.cloudya.command.web.ApiException;
import io.cloudya.command.web.Caller;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Starts a command's saga and parks its HTTP request (JSON or SSE, whichever {@code sink} is). The request is
 * registered before the transaction commits, because the fast path publishes right after commit and the answer
 * can come back within milliseconds.
 */
@Component
public class CommandSubmission {

    private final SubmitCommandHandler handler;
    private final PendingAnswers pending;
    private final CommandProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;

    public CommandSubmission(SubmitCommandHandler handler, PendingAnswers pending, CommandProperties properties,
                             Clock clock, MeterRegistry meters) {
        this.handler = handler;
        this.pending = pending;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    /** {@code chat} is null for {@code /api/command}. Returns the new command's id. */
    public UUID submit(Caller caller, ValidCommand command, String traceId, ChatContext chat, AnswerSink sink) {
        admit(caller.plan());
        UUID commandId = UUID.randomUUID();
        Instant now = clock.instant();
        pending.register(commandId, sink, properties.answerTimeout());
        try {
            handler.handle(new SubmitCommand(commandId, caller.userId(), caller.plan(), command.userInput(),
                    command.executionMode(), properties.maxWordsFor(caller.plan()), now, traceId,
                    chat == null ? null : chat.conversationId(), chat != null && chat.opens(), sink.streams()));
        } catch (RuntimeException e) {
            pending.discard(commandId);
            throw e;
        }
        Counter.builder("commands.requested")
                .description("Commands accepted, by plan, execution mode and kind (command or chat)")
                .tag("plan", caller.plan())
                .tag("mode", command.executionMode().wireName())
                .tag("kind", chat == null ? "command" : "chat")
                .register(meters)
                .increment();
        return commandId;
    }

    /**
     * Standard plans stop short of the limit by the priority reserve, so a flood of Free commands cannot turn
     * Pro and Enterprise users away. Check and registration are not atomic: concurrent submissions may overshoot
     * by up to the number of request threads, acceptable for a guard of the heap that is not an exact quota.
     */
    private void admit(String plan) {
        if (pending.size() >= properties.pendingAnswersLimitFor(plan)) {
            String lane = properties.hasPriority(plan) ? "priority" : "standard";
            meters.counter("commands.rejected.overloaded", "lane", lane).increment();
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "overloaded", "Too many commands are waiting"
                    + " for their answer on this server right now; nothing was charged. Retry in a few seconds.");
        }
    }
}

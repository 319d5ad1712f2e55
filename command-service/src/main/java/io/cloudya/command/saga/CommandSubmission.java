package io.cloudya.command.saga;

import io.cloudya.command.admission.Admission;
import io.cloudya.command.answer.AnswerSink;
import io.cloudya.command.answer.PendingAnswers;
import io.cloudya.command.api.ValidCommand;
import io.cloudya.command.config.CommandProperties;
import io.cloudya.command.web.Caller;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Starts a command's saga and parks its HTTP request (JSON or SSE, whichever {@code sink} is). The request is
 * registered before the transaction commits, because the fast path publishes right after commit and the answer
 * can come back within milliseconds.
 */
@Component
public class CommandSubmission {

    private final SubmitCommandHandler handler;
    private final Admission admission;
    private final PendingAnswers pending;
    private final CommandProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;

    public CommandSubmission(SubmitCommandHandler handler, Admission admission, PendingAnswers pending,
                             CommandProperties properties, Clock clock, MeterRegistry meters) {
        this.handler = handler;
        this.admission = admission;
        this.pending = pending;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    /** {@code chat} is null for {@code /api/command}. Returns the new command's id. */
    public UUID submit(Caller caller, ValidCommand command, String traceId, ChatContext chat, AnswerSink sink) {
        admission.admit(caller.plan());
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
}

package io.cloudya.command.saga;

import io.cloudya.command.store.CommandRepository;
import io.cloudya.command.store.NewCommand;
import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.command.CommandRequested;
import io.cloudya.outbox.OutboxWriter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Stores the command and appends its events in one transaction: either all of it happens or none. */
@Component
public class SubmitCommandHandler {

    static final String AGGREGATE = "command";

    private final CommandRepository commands;
    private final OutboxWriter outbox;
    private final AiJobRequester aiJobs;

    public SubmitCommandHandler(CommandRepository commands, OutboxWriter outbox, AiJobRequester aiJobs) {
        this.commands = commands;
        this.outbox = outbox;
        this.aiJobs = aiJobs;
    }

    @Transactional
    public void handle(SubmitCommand command) {
        commands.insert(new NewCommand(command.commandId(), command.userId(), command.plan(), command.userInput(),
                command.executionMode(), command.acceptedAt()));
        var requested = new CommandRequested(command.commandId(), command.userId(), command.plan(),
                command.userInput(), command.executionMode(), command.maxWords());
        outbox.append(Topics.COMMAND_EVENTS, AGGREGATE, EventEnvelope.of(command.userId(), command.traceId(), requested));
        aiJobs.request(command);
    }
}

package io.cloudya.command.saga;

import io.cloudya.command.conversation.ChatTranscript;
import io.cloudya.command.events.CommandEvents;
import io.cloudya.command.store.CommandRepository;
import io.cloudya.command.store.NewCommand;
import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.command.CommandRequested;
import io.cloudya.outbox.OutboxWriter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores the command (and a chat message's question) and appends CommandRequested in one transaction. Nothing
 * goes to the ai-worker from here: the ledger must reserve first (TokensReservedHandler continues the saga).
 */
@Component
public class SubmitCommandHandler {

    private final CommandRepository commands;
    private final ChatTranscript transcript;
    private final OutboxWriter outbox;

    public SubmitCommandHandler(CommandRepository commands, ChatTranscript transcript, OutboxWriter outbox) {
        this.commands = commands;
        this.transcript = transcript;
        this.outbox = outbox;
    }

    @Transactional
    public void handle(SubmitCommand command) {
        if (command.conversationId() != null) {
            transcript.recordQuestion(command.conversationId(), command.opensConversation(), command.userId(),
                    command.commandId(), command.userInput(), command.acceptedAt());
        }
        commands.insert(new NewCommand(command.commandId(), command.userId(), command.plan(), command.userInput(),
                command.executionMode(), command.acceptedAt(), command.traceId(), command.conversationId(),
                command.streamed()));
        var requested = new CommandRequested(command.commandId(), command.userId(), command.plan(),
                command.userInput(), command.executionMode(), command.maxWords());
        outbox.append(Topics.COMMAND_EVENTS, CommandEvents.AGGREGATE,
                EventEnvelope.of(command.userId(), command.traceId(), requested));
    }
}

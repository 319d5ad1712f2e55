package io.cloudya.command.saga;

import io.cloudya.command.config.CommandProperties;
import io.cloudya.command.conversation.ChatTranscript;
import io.cloudya.command.store.CommandRepository;
import io.cloudya.command.store.NewCommand;
import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.command.CommandRequested;
import io.cloudya.outbox.OutboxWriter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores the command (and a chat message's question) and appends CommandRequested in one transaction. The event
 * carries the whole AI job (the conversation so far for a chat message, the deadline, the lane): token-service hands
 * it to the ai-worker once the tokens are held, so no saga step comes back here before the answer.
 */
@Component
public class SubmitCommandHandler {

    static final String AGGREGATE = "command";

    private final CommandRepository commands;
    private final ChatTranscript transcript;
    private final OutboxWriter outbox;
    private final CommandProperties properties;

    public SubmitCommandHandler(CommandRepository commands, ChatTranscript transcript, OutboxWriter outbox,
                                CommandProperties properties) {
        this.commands = commands;
        this.transcript = transcript;
        this.outbox = outbox;
        this.properties = properties;
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
        var history = command.conversationId() == null ? null
                : transcript.contextFor(command.conversationId(), command.commandId());
        var requested = new CommandRequested(command.commandId(), command.userId(), command.plan(),
                command.userInput(), command.executionMode(), command.maxWords(),
                command.acceptedAt().plus(properties.answerTimeout()), history, command.streamed(),
                properties.hasPriority(command.plan()));
        outbox.append(Topics.COMMAND_EVENTS, AGGREGATE,
                EventEnvelope.of(command.userId(), command.traceId(), requested));
    }
}

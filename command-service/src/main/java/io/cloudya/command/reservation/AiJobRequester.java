package io.cloudya.command.reservation;

import io.cloudya.command.config.CommandProperties;
import io.cloudya.command.conversation.ChatTranscript;
import io.cloudya.command.store.StoredCommand;
import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.command.AiJobRequested;
import io.cloudya.outbox.OutboxWriter;
import org.springframework.stereotype.Component;

/**
 * Asks the ai-worker for an answer once tokens are held: at most the reserved amount of words, on the priority
 * lane for paying plans, with the conversation so far for a chat message.
 */
@Component
class AiJobRequester {

    static final String AGGREGATE = "ai-job";

    private final OutboxWriter outbox;
    private final ChatTranscript transcript;
    private final CommandProperties properties;

    AiJobRequester(OutboxWriter outbox, ChatTranscript transcript, CommandProperties properties) {
        this.outbox = outbox;
        this.transcript = transcript;
        this.properties = properties;
    }

    /** Appends AiJobRequested inside the caller's transaction. */
    void request(StoredCommand command) {
        var history = command.conversationId() == null ? null
                : transcript.contextFor(command.conversationId(), command.id());
        int maxWords = (int) Math.min(command.reservation().amount(), Integer.MAX_VALUE);
        var job = new AiJobRequested(command.id(), command.userId(), command.plan(), command.userInput(),
                command.executionMode(), maxWords, command.createdAt().plus(properties.answerTimeout()), history,
                command.streamed());
        String topic = properties.hasPriority(command.plan()) ? Topics.AI_JOB_REQUESTS_PRIORITY : Topics.AI_JOB_REQUESTS;
        outbox.append(topic, AGGREGATE, EventEnvelope.of(command.userId(), command.traceId(), job));
    }
}

package io.cloudya.command.saga;

import io.cloudya.command.config.CommandProperties;
import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.command.AiJobRequested;
import io.cloudya.outbox.OutboxWriter;
import org.springframework.stereotype.Component;

/**
 * Asks the ai-worker for an answer, on the priority lane for paying plans. For now command-service asks
 * directly; when the token ledger joins the saga this step moves behind TokensReserved, so it is kept alone here.
 */
@Component
class AiJobRequester {

    static final String AGGREGATE = "ai-job";

    private final OutboxWriter outbox;
    private final CommandProperties properties;

    AiJobRequester(OutboxWriter outbox, CommandProperties properties) {
        this.outbox = outbox;
        this.properties = properties;
    }

    /** Appends AiJobRequested inside the caller's transaction. */
    void request(SubmitCommand command) {
        var job = new AiJobRequested(command.commandId(), command.userId(), command.plan(), command.userInput(),
                command.executionMode(), command.maxWords(), command.deadline());
        String topic = properties.hasPriority(command.plan()) ? Topics.AI_JOB_REQUESTS_PRIORITY : Topics.AI_JOB_REQUESTS;
        outbox.append(topic, AGGREGATE, EventEnvelope.of(command.userId(), command.traceId(), job));
    }
}

package io.cloudya.contracts.command;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cloudya.contracts.Event;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A user asked for something: the start of the command saga. It carries the whole AI job, because token-service
 * hands the job on to the ai-worker ({@link AiJobRequested}) in the transaction that holds the tokens: the answer
 * crosses Kafka three times, not six (docs/events.md, "The command saga"). {@code deadline} is when the client stops
 * waiting; {@code history} and {@code stream} mean what they mean in AiJobRequested; {@code priority} sends the job
 * to the priority lane (command-service decides it from the plan's features). The four are absent from a producer
 * older than them.
 */
public record CommandRequested(
        UUID commandId, String userId, String plan, String userInput, ExecutionMode executionMode, int maxWords,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant deadline,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<ChatTurn> history,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean stream,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean priority)
        implements Event {

    public CommandRequested {
        history = history == null ? null : List.copyOf(history);
    }

    /** A one-off command with the defaults: no deadline given, no history, streamed, standard lane. */
    public CommandRequested(UUID commandId, String userId, String plan, String userInput,
                            ExecutionMode executionMode, int maxWords) {
        this(commandId, userId, plan, userInput, executionMode, maxWords, null, null, null, null);
    }

    /** True when the job goes to the priority lane. */
    public boolean prioritized() {
        return Boolean.TRUE.equals(priority);
    }
}

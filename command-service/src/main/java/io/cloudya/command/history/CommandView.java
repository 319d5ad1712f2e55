package io.cloudya.command.history;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.cloudya.command.answer.ProposedCommandView;
import io.cloudya.command.store.CommandStatus;
import io.cloudya.command.store.StoredCommand;
import io.cloudya.contracts.command.ExecutionMode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One command of the caller's history, snake_case like every public body. */
public record CommandView(
        UUID id,
        @JsonProperty("user_input") String userInput,
        @JsonProperty("execution_mode") ExecutionMode executionMode,
        CommandStatus status,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("completed_at") Instant completedAt,
        String response,
        List<ProposedCommandView> commands,
        String provider,
        String model,
        @JsonProperty("tokens_used") Integer tokensUsed,
        @JsonProperty("failure_code") String failureCode,
        @JsonProperty("failure_message") String failureMessage) {

    static CommandView of(StoredCommand row) {
        return new CommandView(row.id(), row.userInput(), row.executionMode(), row.status(), row.createdAt(),
                row.completedAt(), row.response(), row.commands().stream().map(ProposedCommandView::of).toList(),
                row.provider(), row.model(), row.wordsUsed(), row.failureCode(), row.failureMessage());
    }
}

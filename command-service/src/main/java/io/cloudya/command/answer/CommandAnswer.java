package io.cloudya.command.answer;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.cloudya.contracts.command.ExecutionMode;
import java.util.List;
import java.util.UUID;

/**
 * The 200 body of {@code POST /api/command}. {@code tokens_remaining} stays null until the token ledger
 * settles commands (1 token = 1 word, so {@code tokens_used} is the words the model produced).
 */
public record CommandAnswer(
        UUID id,
        String response,
        List<ProposedCommandView> commands,
        @JsonProperty("execution_mode") ExecutionMode executionMode,
        @JsonProperty("tokens_used") int tokensUsed,
        @JsonProperty("tokens_remaining") Integer tokensRemaining,
        String provider,
        String model) {
}

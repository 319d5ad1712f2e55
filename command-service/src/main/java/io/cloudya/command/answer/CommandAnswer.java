package io.cloudya.command.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.cloudya.contracts.command.ExecutionMode;
import java.util.List;
import java.util.UUID;

/**
 * The 200 body of {@code POST /api/command} and {@code POST /api/chat} (and the SSE {@code result} event).
 * {@code tokens_used} is what the ledger charges; {@code tokens_remaining} the balance once it settles (see
 * docs/events.md, "The answer's token numbers"). {@code conversation_id} appears for chat only.
 */
public record CommandAnswer(
        UUID id,
        String response,
        List<ProposedCommandView> commands,
        @JsonProperty("execution_mode") ExecutionMode executionMode,
        @JsonProperty("tokens_used") long tokensUsed,
        @JsonProperty("tokens_remaining") Long tokensRemaining,
        String provider,
        String model,
        @JsonProperty("conversation_id") @JsonInclude(JsonInclude.Include.NON_NULL) UUID conversationId) {
}

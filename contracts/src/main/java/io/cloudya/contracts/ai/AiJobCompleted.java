package io.cloudya.contracts.ai;

import io.cloudya.contracts.Event;
import java.util.List;
import java.util.UUID;

/** The ai-worker answered a command; {@code wordsUsed} is what the ledger charges (1 token = 1 word). */
public record AiJobCompleted(
        UUID commandId, String userId, String response, List<ProposedCommand> commands,
        String provider, String model, int wordsUsed) implements Event {

    public AiJobCompleted {
        commands = List.copyOf(commands);
    }
}

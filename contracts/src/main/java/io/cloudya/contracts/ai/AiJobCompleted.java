package io.cloudya.contracts.ai;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cloudya.contracts.Event;
import io.cloudya.contracts.token.HeldTokens;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The ai-worker answered a command; {@code wordsUsed} is what the ledger charges (1 token = 1 word), at most the
 * held amount. {@code reservation} is the job's hold, handed back unchanged. {@code startedAt} is when the worker
 * took the job up (before the model was asked): with the envelope's {@code occurredAt} it gives the worker's own
 * time on the job, so that command-service can tell queueing in the saga from the model's time; absent from workers
 * older than the field.
 */
public record AiJobCompleted(
        UUID commandId, String userId, String response, List<ProposedCommand> commands,
        String provider, String model, int wordsUsed,
        @JsonInclude(JsonInclude.Include.NON_NULL) HeldTokens reservation,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant startedAt) implements Event {

    public AiJobCompleted {
        commands = List.copyOf(commands);
    }

    /** An answer that does not say when its job started. */
    public AiJobCompleted(UUID commandId, String userId, String response, List<ProposedCommand> commands,
                          String provider, String model, int wordsUsed, HeldTokens reservation) {
        this(commandId, userId, response, commands, provider, model, wordsUsed, reservation, null);
    }

    /** An answer without the job's hold (a job from before token-service sent jobs). */
    public AiJobCompleted(UUID commandId, String userId, String response, List<ProposedCommand> commands,
                          String provider, String model, int wordsUsed) {
        this(commandId, userId, response, commands, provider, model, wordsUsed, null, null);
    }
}

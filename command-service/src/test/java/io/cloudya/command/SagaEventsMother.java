package io.cloudya.command;

import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.ai.AiAnswerChunk;
import io.cloudya.contracts.ai.AiJobCompleted;
import io.cloudya.contracts.ai.AiJobFailed;
import io.cloudya.contracts.ai.ProposedCommand;
import io.cloudya.contracts.ai.Risk;
import io.cloudya.contracts.token.HeldTokens;
import io.cloudya.contracts.token.ReservationReleased;
import io.cloudya.contracts.token.ReservationSettled;
import io.cloudya.contracts.token.TokensRejected;
import java.util.List;
import java.util.UUID;

/** The other saga participants' events, as token-service and the ai-worker would publish them. */
public final class SagaEventsMother {

    public static final String ANSWER = "List the pods of one namespace.";

    private SagaEventsMother() {
    }

    /** A hold as token-service takes it: it travels with the job to the ai-worker, never to command-service. */
    public static HeldTokens held(long amount, long availableAfter) {
        return new HeldTokens(UUID.randomUUID(), amount, availableAfter);
    }

    public static EventEnvelope<TokensRejected> rejected(UUID commandId, String userId, long requested,
                                                         long available) {
        return EventEnvelope.of(userId, null, new TokensRejected(commandId, userId, requested, available, "free"));
    }

    /** The ledger's settlement of {@code held}: {@code balanceAfter} is whatever the ledger says, not computed. */
    public static EventEnvelope<ReservationSettled> settled(UUID commandId, String userId, HeldTokens held,
                                                            long charged, long balanceAfter) {
        return EventEnvelope.of(userId, null, new ReservationSettled(commandId, userId, held.reservationId(),
                charged, held.amount() - charged, balanceAfter));
    }

    /** The ledger's release of a hold of 300, for {@code reason}: command_failed or expired. */
    public static EventEnvelope<ReservationReleased> released(UUID commandId, String userId, String reason) {
        return EventEnvelope.of(userId, null, new ReservationReleased(commandId, userId, UUID.randomUUID(), 300,
                reason, 1000));
    }

    /** The ai-worker's answer, handing {@code held} back as it got it with the job. */
    public static EventEnvelope<AiJobCompleted> completed(UUID commandId, String userId, HeldTokens held,
                                                          int wordsUsed) {
        return completed(commandId, userId, held, ANSWER, wordsUsed);
    }

    public static EventEnvelope<AiJobCompleted> completed(UUID commandId, String userId, HeldTokens held,
                                                          String response, int wordsUsed) {
        var command = new ProposedCommand("kubectl get pods -n web", "List pods in namespace web", Risk.SAFE,
                "read-only", false);
        return EventEnvelope.of(userId, null, new AiJobCompleted(commandId, userId, response, List.of(command),
                "offline-kb", "kb-2026.11", wordsUsed, held));
    }

    public static EventEnvelope<AiJobFailed> failed(UUID commandId, String userId, String code) {
        return EventEnvelope.of(userId, null, new AiJobFailed(commandId, userId, code, "No AI provider could answer."));
    }

    public static EventEnvelope<AiAnswerChunk> chunk(UUID commandId, String userId, int sequence, String text) {
        return EventEnvelope.of(userId, null, new AiAnswerChunk(commandId, userId, sequence, text));
    }
}

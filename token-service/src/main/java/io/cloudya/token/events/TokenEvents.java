package io.cloudya.token.events;

import io.cloudya.contracts.Event;
import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.command.AiJobRequested;
import io.cloudya.outbox.OutboxWriter;
import org.springframework.stereotype.Component;

/** The ledger's outgoing events, written to the outbox in the caller's transaction (never sent directly). */
@Component
public class TokenEvents {

    private final OutboxWriter outbox;

    public TokenEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    /** TokensRejected, ReservationSettled, ReservationReleased. */
    public void reservation(String userId, String traceId, Event payload) {
        outbox.append(Topics.RESERVATION_EVENTS, "reservation", EventEnvelope.of(userId, traceId, payload));
    }

    /**
     * The AI job of a command whose tokens are now held, carrying the hold. The ledger sends it itself, in the
     * transaction that took the hold, so the answer's path does not cross Kafka through command-service first.
     * Priority requests go to the lane the ai-worker drains first.
     */
    public void aiJob(String userId, String traceId, boolean priority, AiJobRequested job) {
        String topic = priority ? Topics.AI_JOB_REQUESTS_PRIORITY : Topics.AI_JOB_REQUESTS;
        outbox.append(topic, "ai-job", EventEnvelope.of(userId, traceId, job));
    }

    /** TokensLow, TokenPeriodRenewed. */
    public void account(String userId, String traceId, Event payload) {
        outbox.append(Topics.TOKEN_ACCOUNT_EVENTS, "token-account", EventEnvelope.of(userId, traceId, payload));
    }
}

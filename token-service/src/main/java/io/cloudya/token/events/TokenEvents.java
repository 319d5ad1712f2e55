package io.cloudya.token.events;

import io.cloudya.contracts.Event;
import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.Topics;
import io.cloudya.outbox.OutboxWriter;
import org.springframework.stereotype.Component;

/** The ledger's outgoing events, written to the outbox in the caller's transaction (never sent directly). */
@Component
public class TokenEvents {

    private final OutboxWriter outbox;

    public TokenEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    /** TokensReserved, TokensRejected, ReservationSettled, ReservationReleased. */
    public void reservation(String userId, String traceId, Event payload) {
        outbox.append(Topics.RESERVATION_EVENTS, "reservation", EventEnvelope.of(userId, traceId, payload));
    }

    /** TokensLow, TokenPeriodRenewed. */
    public void account(String userId, String traceId, Event payload) {
        outbox.append(Topics.TOKEN_ACCOUNT_EVENTS, "token-account", EventEnvelope.of(userId, traceId, payload));
    }
}

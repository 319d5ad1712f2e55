package io.cloudya.token.saga;

import io.cloudya.contracts.Event;
import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.ai.AiJobCompleted;
import io.cloudya.contracts.ai.AiJobFailed;
import io.cloudya.contracts.command.CommandCompleted;
import io.cloudya.contracts.command.CommandFailed;
import io.cloudya.contracts.command.CommandRequested;
import io.cloudya.token.events.InboundEvents;
import io.cloudya.token.reservation.ReserveTokensHandler;
import io.cloudya.token.settlement.SettleReservationHandler;
import org.springframework.stereotype.Component;

/**
 * The command saga's events, each to its handler. Other types on the topic are ignored. The ai-worker's verdict
 * settles or releases the hold; CommandCompleted and CommandFailed are what command-service sent before
 * 2026-11-28 and are still applied, so that a rolling upgrade loses no outcome (a hold is resolved once).
 */
@Component
class SagaRoutes {

    private final ReserveTokensHandler reserve;
    private final SettleReservationHandler settle;

    SagaRoutes(ReserveTokensHandler reserve, SettleReservationHandler settle) {
        this.reserve = reserve;
        this.settle = settle;
    }

    void route(EventEnvelope<Event> envelope) {
        switch (envelope.payload()) {
            case CommandRequested r -> reserve.handle(InboundEvents.typed(envelope, r));
            case AiJobCompleted c -> settle.answered(InboundEvents.typed(envelope, c));
            case AiJobFailed f -> settle.unanswered(InboundEvents.typed(envelope, f));
            case CommandCompleted c -> settle.completed(InboundEvents.typed(envelope, c));
            case CommandFailed f -> settle.failed(InboundEvents.typed(envelope, f));
            default -> { }
        }
    }
}

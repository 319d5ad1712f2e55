package io.cloudya.token.saga;

import io.cloudya.contracts.Topics;
import io.cloudya.contracts.command.CommandCompleted;
import io.cloudya.contracts.command.CommandFailed;
import io.cloudya.contracts.command.CommandRequested;
import io.cloudya.token.events.InboundEvents;
import io.cloudya.token.reservation.ReserveTokensHandler;
import io.cloudya.token.settlement.SettleReservationHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Transport only: the command saga's events, each to its handler. Other types on the topic are ignored. */
@Component
class CommandEventsListener {

    private final InboundEvents inbound;
    private final ReserveTokensHandler reserve;
    private final SettleReservationHandler settle;

    CommandEventsListener(InboundEvents inbound, ReserveTokensHandler reserve, SettleReservationHandler settle) {
        this.inbound = inbound;
        this.reserve = reserve;
        this.settle = settle;
    }

    @KafkaListener(id = "token-commands", topics = Topics.COMMAND_EVENTS, groupId = InboundEvents.GROUP)
    void onCommandEvent(String json) {
        inbound.dispatch(json, envelope -> {
            switch (envelope.payload()) {
                case CommandRequested r -> reserve.handle(InboundEvents.typed(envelope, r));
                case CommandCompleted c -> settle.completed(InboundEvents.typed(envelope, c));
                case CommandFailed f -> settle.failed(InboundEvents.typed(envelope, f));
                default -> { }
            }
        });
    }
}

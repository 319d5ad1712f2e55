package io.cloudya.command.reservation;

import io.cloudya.command.answer.AnswerRouter;
import io.cloudya.command.events.FirstDeliveries;
import io.cloudya.command.events.InboundEvents;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.token.ReservationSettled;
import io.cloudya.contracts.token.TokensRejected;
import io.cloudya.contracts.token.TokensReserved;
import io.cloudya.outbox.RecordHeaders;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The durable reader of the ledger's answers (one group for all instances); transport only. After each step, the
 * outcome goes on to the request waiting for it ({@link AnswerRouter}); the ledger's settlement only goes there.
 */
@Component
class ReservationEventsListener {

    private static final Set<String> SAGA_TYPES = Set.of(TokensReserved.class.getSimpleName(),
            TokensRejected.class.getSimpleName(), ReservationSettled.class.getSimpleName());

    private final TokensReservedHandler reserved;
    private final TokensRejectedHandler rejected;
    private final FirstDeliveries deliveries;
    private final AnswerRouter answers;

    ReservationEventsListener(TokensReservedHandler reserved, TokensRejectedHandler rejected,
                              FirstDeliveries deliveries, AnswerRouter answers) {
        this.reserved = reserved;
        this.rejected = rejected;
        this.deliveries = deliveries;
        this.answers = answers;
    }

    @KafkaListener(id = "command-reservations", topics = Topics.RESERVATION_EVENTS, groupId = FirstDeliveries.GROUP)
    void onReservationEvent(ConsumerRecord<String, String> record) {
        // releases share the topic and are the ledger's business: dropped before parsing
        if (RecordHeaders.typeOutside(record, SAGA_TYPES) || deliveries.appliedLately(record)) {
            return;
        }
        InboundEvents.read(record.value()).ifPresent(envelope -> {
            switch (envelope.payload()) {
                case TokensReserved event -> reserved.handle(envelope, event);
                case TokensRejected event -> rejected.handle(envelope, event);
                default -> { }
            }
            answers.route(record, envelope.payload());
        });
    }
}

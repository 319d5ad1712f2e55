package io.cloudya.command.reservation;

import io.cloudya.command.answer.AnswerRouter;
import io.cloudya.command.events.FirstDeliveries;
import io.cloudya.command.events.InboundEvents;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.token.ReservationReleased;
import io.cloudya.contracts.token.TokensRejected;
import io.cloudya.outbox.RecordHeaders;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The durable reader of the ledger's refusals and releases (one group for all instances); transport only. A refused
 * command ends here, and the refusal goes on to the request waiting for it ({@link AnswerRouter}); a hold that
 * expired without a verdict ends its command ({@link HoldExpiredHandler}). A held reservation never comes this way:
 * token-service sends the job straight to the ai-worker.
 */
@Component
class ReservationEventsListener {

    private static final Set<String> SAGA_TYPES = Set.of(TokensRejected.class.getSimpleName(),
            ReservationReleased.class.getSimpleName());

    private final TokensRejectedHandler rejected;
    private final HoldExpiredHandler expired;
    private final FirstDeliveries deliveries;
    private final AnswerRouter answers;

    ReservationEventsListener(TokensRejectedHandler rejected, HoldExpiredHandler expired, FirstDeliveries deliveries,
                              AnswerRouter answers) {
        this.rejected = rejected;
        this.expired = expired;
        this.deliveries = deliveries;
        this.answers = answers;
    }

    @KafkaListener(id = "command-reservations", topics = Topics.RESERVATION_EVENTS, groupId = FirstDeliveries.GROUP)
    void onReservationEvent(ConsumerRecord<String, String> record) {
        // settlements share the topic and are the ledger's business: dropped before parsing
        if (RecordHeaders.typeOutside(record, SAGA_TYPES) || deliveries.appliedLately(record)) {
            return;
        }
        InboundEvents.read(record.value()).ifPresent(envelope -> {
            if (envelope.payload() instanceof TokensRejected event) {
                rejected.handle(envelope, event);
                answers.route(record, event);
            } else if (envelope.payload() instanceof ReservationReleased event) {
                expired.handle(envelope, event);
            }
        });
    }
}

package io.cloudya.command.reservation;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import io.cloudya.command.answer.AnswerRouter;
import io.cloudya.command.events.FirstDeliveries;
import io.cloudya.outbox.RecordHeaders;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The ledger's settlements share the saga's topic with its refusals and releases; only the latter two concern this
 * service (a release may end a command whose hold expired), settlements are dropped by header, before any parsing.
 */
class ReservationEventsListenerTest {

    private final TokensRejectedHandler rejected = mock(TokensRejectedHandler.class);
    private final HoldExpiredHandler expired = mock(HoldExpiredHandler.class);
    private final AnswerRouter answers = mock(AnswerRouter.class);
    private final ReservationEventsListener listener =
            new ReservationEventsListener(rejected, expired, mock(FirstDeliveries.class), answers);

    @Test
    void parsesTheReleasesAnExpiredHoldEndsItsCommandOn() {
        assertThatThrownBy(() -> listener.onReservationEvent(record("ReservationReleased", "not json")))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void dropsSettlementsWithoutParsingThemForNoAnswerWaitsOnThem() {
        assertThatCode(() -> listener.onReservationEvent(record("ReservationSettled", "not json")))
                .doesNotThrowAnyException();
        verifyNoInteractions(rejected, expired, answers);
    }

    @Test
    void parsesTheRefusalsTheSagaEndsOn() {
        assertThatThrownBy(() -> listener.onReservationEvent(record("TokensRejected", "not json")))
                .isInstanceOf(RuntimeException.class);
    }

    private static ConsumerRecord<String, String> record(String type, String value) {
        var record = new ConsumerRecord<>("reservation.events", 0, 0, "u1", value);
        record.headers().add(RecordHeaders.EVENT_TYPE, type.getBytes(StandardCharsets.UTF_8));
        return record;
    }
}

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
 * The ledger's settlements and releases share the saga's topic; only its refusals concern this service, the rest is
 * dropped by header, before any parsing.
 */
class ReservationEventsListenerTest {

    private final TokensRejectedHandler rejected = mock(TokensRejectedHandler.class);
    private final AnswerRouter answers = mock(AnswerRouter.class);
    private final ReservationEventsListener listener =
            new ReservationEventsListener(rejected, mock(FirstDeliveries.class), answers);

    @Test
    void dropsReleasesWithoutParsingThem() {
        assertThatCode(() -> listener.onReservationEvent(record("ReservationReleased", "not json")))
                .doesNotThrowAnyException();
        verifyNoInteractions(rejected, answers);
    }

    @Test
    void dropsSettlementsWithoutParsingThemForNoAnswerWaitsOnThem() {
        assertThatCode(() -> listener.onReservationEvent(record("ReservationSettled", "not json")))
                .doesNotThrowAnyException();
        verifyNoInteractions(rejected, answers);
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

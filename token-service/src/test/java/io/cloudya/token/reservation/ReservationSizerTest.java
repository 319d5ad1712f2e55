package io.cloudya.token.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReservationSizerTest {

    @Test
    void shouldReserveThePlanCapWhenTheBalanceCoversIt() {
        assertThat(ReservationSizer.size(300, 1200, 1000, 50)).isEqualTo(300);
    }

    @Test
    void shouldNeverReserveMoreThanTheRequestsMaxWords() {
        assertThat(ReservationSizer.size(1200, 400, 5000, 50)).isEqualTo(400);
    }

    @Test
    void shouldReserveWhatIsLeftWhenAtLeastTheMinimumIsAvailable() {
        assertThat(ReservationSizer.size(600, 600, 250, 50)).isEqualTo(250);
        assertThat(ReservationSizer.size(600, 600, 50, 50)).isEqualTo(50);
    }

    @Test
    void shouldRejectBelowTheMinimum() {
        assertThat(ReservationSizer.size(600, 600, 49, 50)).isZero();
        assertThat(ReservationSizer.size(600, 600, 0, 50)).isZero();
    }

    @Test
    void shouldHoldIdenticallyForAReplayedCommand() {
        var commandId = java.util.UUID.randomUUID();
        assertThat(Reservation.idFor(commandId)).isEqualTo(Reservation.idFor(commandId))
                .isNotEqualTo(Reservation.idFor(java.util.UUID.randomUUID()));
    }
}

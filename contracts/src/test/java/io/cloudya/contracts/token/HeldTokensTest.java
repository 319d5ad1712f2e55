package io.cloudya.contracts.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class HeldTokensTest {

    private final HeldTokens reservation = new HeldTokens(UUID.randomUUID(), 300, 700);

    @Test
    void shouldChargeWordsUsedAndReturnTheUnusedRest() {
        long charged = reservation.charge(12);

        assertThat(charged).isEqualTo(12);
        assertThat(reservation.remainingAfter(charged)).isEqualTo(988);
    }

    @Test
    void shouldNeverChargeMoreThanReserved() {
        long charged = reservation.charge(450);

        assertThat(charged).isEqualTo(300);
        assertThat(reservation.remainingAfter(charged)).isEqualTo(700);
    }

    @Test
    void shouldChargeNothingForEmptyOrNegativeCounts() {
        assertThat(reservation.charge(0)).isZero();
        assertThat(reservation.charge(-5)).isZero();
        assertThat(reservation.remainingAfter(0)).isEqualTo(1000);
    }
}

package io.cloudya.relay.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WalPositionTest {

    @Test
    void readsPostgresFormAsTheNumberDebeziumSaves() {
        assertThat(WalPosition.parse("0/4FDBB28").value()).isEqualTo(0x4FDBB28L);
        assertThat(WalPosition.parse("1/0").value()).isEqualTo(1L << 32);
        assertThat(new WalPosition(0x1_0541EF90L)).hasToString("1/541EF90");
    }

    @Test
    void ordersTheHighHalfFirstAndUnsigned() {
        assertThat(WalPosition.parse("0/FFFFFFFF").isBefore(WalPosition.parse("1/0"))).isTrue();
        assertThat(WalPosition.parse("FFFFFFFF/0").isBefore(WalPosition.parse("0/1"))).isFalse();
        assertThat(WalPosition.parse("0/10").isBefore(WalPosition.parse("0/10"))).isFalse();
    }

    @Test
    void rejectsTextWithoutTwoHalves() {
        assertThatThrownBy(() -> WalPosition.parse("4FDBB28")).isInstanceOf(IllegalArgumentException.class);
    }
}

package io.cloudya.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class RecentDeliveriesTest {

    @Test
    void remembersEachGroupApart() {
        var recent = new RecentDeliveries(4);

        recent.remember("command-service", "e1");

        assertThat(recent.contains("command-service", "e1")).isTrue();
        assertThat(recent.contains("command-answers", "e1")).isFalse();
        assertThat(recent.contains("command-service", "e2")).isFalse();
        assertThat(recent.contains("command-service", null)).isFalse();
    }

    @Test
    void forgetsTheOldestBeyondItsCapacity() {
        var recent = new RecentDeliveries(2);

        recent.remember("g", "e1");
        recent.remember("g", "e2");
        recent.remember("g", "e3");

        assertThat(recent.contains("g", "e1")).isFalse();
        assertThat(recent.contains("g", "e2")).isTrue();
        assertThat(recent.contains("g", "e3")).isTrue();
    }

    @Test
    void rememberingTwiceTakesOnePlace() {
        var recent = new RecentDeliveries(2);

        recent.remember("g", "e1");
        recent.remember("g", "e1");
        recent.remember("g", "e2");

        assertThat(recent.contains("g", "e1")).isTrue();
        assertThat(recent.contains("g", "e2")).isTrue();
    }

    @Test
    void refusesAnEmptyMemory() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RecentDeliveries(0));
    }
}

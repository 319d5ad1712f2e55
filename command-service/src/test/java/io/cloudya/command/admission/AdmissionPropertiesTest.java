package io.cloudya.command.admission;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AdmissionPropertiesTest {

    @Test
    void rejectsANegativeTargetAndAFloorBelowOne() {
        assertThatThrownBy(() -> new AdmissionProperties(Duration.ofSeconds(-1), 10, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AdmissionProperties(Duration.ofSeconds(2), 0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

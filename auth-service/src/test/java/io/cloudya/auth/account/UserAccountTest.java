package io.cloudya.auth.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserAccountTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    @Test
    void shouldKeepCurrentPlanUntilPendingPlanIsDue() {
        var user = new UserAccount(UUID.randomUUID(), "a@b.cd", null, "pro", "free", NOW.plusSeconds(1));

        assertThat(user.effectivePlan(NOW)).isEqualTo("pro");
        assertThat(user.effectivePlan(NOW.plusSeconds(1))).isEqualTo("free");
    }

    @Test
    void shouldTreatUnknownPlanNamesAsFree() {
        var user = new UserAccount(UUID.randomUUID(), "a@b.cd", null, "platinum", null, null);

        assertThat(user.effectivePlan(NOW)).isEqualTo("free");
    }
}

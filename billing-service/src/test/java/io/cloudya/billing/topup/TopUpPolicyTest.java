package io.cloudya.billing.topup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudya.billing.api.ApiException;
import io.cloudya.billing.config.BillingProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TopUpPolicyTest {

    final TopUpPolicy policy = new TopUpPolicy(
            new BillingProperties("eur", Duration.ofDays(7), Duration.ofMinutes(15), 1_000, 1_000_000));

    @Test
    void shouldSellWholePacksOfThousandTokensWithinBounds() {
        assertThat(policy.packsFor(1_000L)).isEqualTo(1);
        assertThat(policy.packsFor(25_000L)).isEqualTo(25);
        assertThat(policy.packsFor(1_000_000L)).isEqualTo(1_000);
    }

    @Test
    void shouldRefuseAmountsOutsideBoundsOrNotInThousandsInsteadOfRounding() {
        for (Long tokens : new Long[] {null, 0L, 999L, 1_500L, 1_001_000L, -1_000L}) {
            assertThatThrownBy(() -> policy.packsFor(tokens)).as(String.valueOf(tokens))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("invalid_token_amount"));
        }
    }

    @Test
    void shouldTakeBackRefundedShareRoundedDownInUsersFavour() {
        assertThat(TopUpPolicy.refundedTokens(10_000, 1_000, 250)).isEqualTo(2_500);
        assertThat(TopUpPolicy.refundedTokens(3_000, 300, 100)).isEqualTo(1_000);
        assertThat(TopUpPolicy.refundedTokens(1_000, 100, 33)).isEqualTo(330);
        assertThat(TopUpPolicy.refundedTokens(1_000, 99, 50)).isEqualTo(505);
        assertThat(TopUpPolicy.refundedTokens(5_000, 500, 500)).isEqualTo(5_000);
    }
}

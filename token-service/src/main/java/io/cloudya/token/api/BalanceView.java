package io.cloudya.token.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.cloudya.token.account.TokenAccount;
import java.time.Instant;

/** GET /api/tokens/balance: the buckets in spending order, what is spendable, plan and period. */
public record BalanceView(
        String plan,
        @JsonProperty("pending_plan") String pendingPlan,
        Buckets buckets,
        long available,
        @JsonProperty("period_start") Instant periodStart,
        @JsonProperty("period_end") Instant periodEnd) {

    /** Spendable buckets hold no reserved tokens; {@code reserved} is what running commands hold. */
    public record Buckets(@JsonProperty("rolled_over") long rolledOver, long allowance, long purchased,
                          long reserved) {
    }

    static BalanceView of(TokenAccount a) {
        var b = a.balance();
        return new BalanceView(a.plan(), a.pendingPlan(),
                new Buckets(b.rolledOver(), b.allowance(), b.purchased(), b.reserved()), b.available(),
                a.periodStart(), a.periodEnd());
    }
}

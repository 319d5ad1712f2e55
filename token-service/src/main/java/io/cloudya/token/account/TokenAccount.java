package io.cloudya.token.account;

import io.cloudya.token.ledger.Balance;
import java.time.Instant;

/** The account row: plan and period (mutable state) plus the balance the ledger maintains. */
public record TokenAccount(String userId, String plan, String pendingPlan, Instant periodStart, Instant periodEnd,
                           Balance balance, Instant openedAt) {

    public TokenAccount withBalance(Balance next) {
        return new TokenAccount(userId, plan, pendingPlan, periodStart, periodEnd, next, openedAt);
    }
}

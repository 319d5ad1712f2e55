package io.cloudya.auth.account;

import java.time.Instant;
import java.util.UUID;

/**
 * A Cloudya account. {@code passwordHash} is null for accounts that sign in through an external issuer.
 * A downgrade or cancellation waits in {@code pendingPlan} until {@code pendingPlanAt}.
 */
public record UserAccount(UUID id, String email, String passwordHash, String plan, String pendingPlan,
                          Instant pendingPlanAt) {

    /** The plan in force at {@code now}: billing may already have scheduled the next one. */
    public String effectivePlan(Instant now) {
        if (pendingPlan != null && pendingPlanAt != null && !pendingPlanAt.isAfter(now)) {
            return Plans.normalise(pendingPlan);
        }
        return Plans.normalise(plan);
    }

    public boolean hasPassword() {
        return passwordHash != null;
    }
}

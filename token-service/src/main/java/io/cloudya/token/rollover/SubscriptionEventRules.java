package io.cloudya.token.rollover;

import io.cloudya.token.events.RejectedEventException;
import io.cloudya.token.plans.PlanCatalog;

/** Input checks shared by the subscription handlers: a plan must be in the plan table, a user id present. */
final class SubscriptionEventRules {

    private SubscriptionEventRules() {
    }

    static String knownPlan(PlanCatalog plans, String name) {
        if (plans.find(name).isEmpty()) {
            throw new RejectedEventException("unknown_plan", "plan '" + name + "' is not in cloudya.plans");
        }
        return PlanCatalog.normalise(name);
    }

    static void requireUser(String userId) {
        if (userId == null || userId.isBlank()) {
            throw new RejectedEventException("missing_identity", "subscription event without a user id");
        }
    }
}

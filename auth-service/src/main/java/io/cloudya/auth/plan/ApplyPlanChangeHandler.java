package io.cloudya.auth.plan;

import io.cloudya.auth.account.Plans;
import io.cloudya.contracts.Event;
import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.billing.SubscriptionCanceled;
import io.cloudya.contracts.billing.SubscriptionChanged;
import io.cloudya.contracts.billing.SubscriptionRenewed;
import io.cloudya.contracts.billing.SubscriptionStarted;
import io.cloudya.outbox.ProcessedEvents;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps {@code app_user.plan} current from billing: started, renewed and immediate changes apply now;
 * downgrades and cancellations wait in {@code pending_plan} until the paid period ends. Tokens and API-key
 * checks read the plan in force, so the plan claim is at most one access-token lifetime stale.
 */
@Component
public class ApplyPlanChangeHandler {

    public static final String GROUP = "auth-service";

    private final ProcessedEvents processed;
    private final JdbcClient jdbc;

    ApplyPlanChangeHandler(ProcessedEvents processed, JdbcClient jdbc) {
        this.processed = processed;
        this.jdbc = jdbc;
    }

    /** True when this delivery changed a plan; false for duplicates, other events and unknown users. */
    @Transactional
    public boolean handle(EventEnvelope<? extends Event> envelope) {
        Event payload = envelope.payload();
        boolean relevant = payload instanceof SubscriptionStarted || payload instanceof SubscriptionRenewed
                || payload instanceof SubscriptionChanged || payload instanceof SubscriptionCanceled;
        if (!relevant || !processed.markFirstDelivery(GROUP, envelope.id())) {
            return false;
        }
        Instant at = envelope.occurredAt();
        return switch (payload) {
            case SubscriptionStarted s -> applyNow(s.userId(), s.plan(), at);
            case SubscriptionRenewed r -> applyNow(r.userId(), r.plan(), at);
            case SubscriptionChanged c when c.immediate() -> applyNow(c.userId(), c.toPlan(), at);
            case SubscriptionChanged c -> schedule(c.userId(), c.toPlan(), c.effectiveAt(), at);
            case SubscriptionCanceled x -> schedule(x.userId(), Plans.FREE, x.effectiveAt(), at);
            default -> false;
        };
    }

    private boolean applyNow(String userId, String plan, Instant eventAt) {
        return jdbc.sql("""
                UPDATE app_user SET plan = :plan, pending_plan = NULL, pending_plan_at = NULL, plan_event_at = :at
                WHERE id = :id AND (plan_event_at IS NULL OR plan_event_at <= :at)
                """).param("id", uuid(userId)).param("plan", Plans.normalise(plan))
                .param("at", Timestamp.from(eventAt)).update() == 1;
    }

    /** A pending plan that is already due is folded into {@code plan} first, so it is not lost. */
    private boolean schedule(String userId, String plan, Instant effectiveAt, Instant eventAt) {
        return jdbc.sql("""
                UPDATE app_user SET
                  plan = CASE WHEN pending_plan_at <= :at THEN pending_plan ELSE plan END,
                  pending_plan = :plan, pending_plan_at = :effective, plan_event_at = :at
                WHERE id = :id AND (plan_event_at IS NULL OR plan_event_at <= :at)
                """).param("id", uuid(userId)).param("plan", Plans.normalise(plan))
                .param("effective", Timestamp.from(effectiveAt == null ? eventAt : effectiveAt))
                .param("at", Timestamp.from(eventAt)).update() == 1;
    }

    private static UUID uuid(String userId) {
        try {
            return UUID.fromString(userId);
        } catch (IllegalArgumentException | NullPointerException e) {
            // not one of our users (billing for an external account id): matches no row
            return new UUID(0, 0);
        }
    }
}

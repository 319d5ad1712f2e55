package io.cloudya.token.rollover;

import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.billing.SubscriptionCanceled;
import io.cloudya.contracts.billing.SubscriptionChanged;
import io.cloudya.outbox.ProcessedEvents;
import io.cloudya.token.account.AccountRepository;
import io.cloudya.token.account.Periods;
import io.cloudya.token.account.TokenAccount;
import io.cloudya.token.events.InboundEvents;
import io.cloudya.token.events.RejectedEventException;
import io.cloudya.token.plans.PlanCatalog;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plan changes. Upgrade ({@code immediate}): a fresh period of the new plan starts at {@code effectiveAt}: the old
 * period's unspent plan tokens go through the rollover rule (20 % of the old allowance carried, rest expired) and
 * the new allowance is granted in full; billing resets the billing anchor to the upgrade, so its next renewal
 * starts one month later. Downgrade: remembered as the pending plan, applied by the next renewal.
 * Cancellation (or failed dunning): Free becomes the pending plan, applied at the next refill.
 */
@Component
public class PlanChangeHandler {

    private final ProcessedEvents processed;
    private final AccountRepository accounts;
    private final PeriodRefiller refiller;
    private final PlanCatalog plans;
    private final Clock clock;
    private final MeterRegistry meters;

    public PlanChangeHandler(ProcessedEvents processed, AccountRepository accounts, PeriodRefiller refiller,
                             PlanCatalog plans, Clock clock, MeterRegistry meters) {
        this.processed = processed;
        this.accounts = accounts;
        this.refiller = refiller;
        this.plans = plans;
        this.clock = clock;
        this.meters = meters;
    }

    @Transactional
    public void changed(EventEnvelope<SubscriptionChanged> envelope) {
        var e = envelope.payload();
        String plan = SubscriptionEventRules.knownPlan(plans, e.toPlan());
        var account = firstDeliveryLock(envelope, e.userId());
        if (account == null) {
            return;
        }
        if (!e.immediate()) {
            accounts.updatePendingPlan(e.userId(), plan);
            return;
        }
        Instant now = clock.instant();
        Instant start = e.effectiveAt() == null ? now : e.effectiveAt();
        if (!start.isAfter(account.periodStart())) {
            meters.counter("tokens.period.stale").increment();
            return;
        }
        refiller.startPeriod(account, new PeriodRefiller.NewPeriod(plan, start, Periods.monthAfter(start),
                "change:" + e.subscriptionId() + ":" + start), envelope.id(), envelope.traceId(), now);
    }

    @Transactional
    public void canceled(EventEnvelope<SubscriptionCanceled> envelope) {
        if (firstDeliveryLock(envelope, envelope.payload().userId()) != null) {
            accounts.updatePendingPlan(envelope.payload().userId(), PlanCatalog.FREE);
        }
    }

    /** Null for a duplicate delivery; rejects events about accounts that do not exist (nothing to change). */
    private TokenAccount firstDeliveryLock(EventEnvelope<?> envelope, String userId) {
        SubscriptionEventRules.requireUser(userId);
        if (!processed.markFirstDelivery(InboundEvents.GROUP, envelope.id())) {
            meters.counter("tokens.events.duplicates", "type", envelope.type()).increment();
            return null;
        }
        return accounts.lock(userId).orElseThrow(() -> new RejectedEventException("account_not_found",
                "no token account for " + userId));
    }
}

package io.cloudya.token.rollover;

import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.billing.SubscriptionRenewed;
import io.cloudya.contracts.billing.SubscriptionStarted;
import io.cloudya.outbox.ProcessedEvents;
import io.cloudya.token.account.AccountOpener;
import io.cloudya.token.events.InboundEvents;
import io.cloudya.token.events.RejectedEventException;
import io.cloudya.token.plans.PlanCatalog;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * SubscriptionStarted / SubscriptionRenewed → a new period with billing's bounds and plan (billing is the truth
 * for what was paid). A period that does not start after the account's current one is stale (a replay, or the
 * renewal of a period an upgrade already started) and changes nothing, except over Free: Free's period is ours,
 * counted from sign-up to the millisecond, while Stripe's bounds are whole seconds, so a subscription paid in the
 * second of sign-up starts "before" it; a paid period still running always replaces Free.
 */
@Component
public class SubscriptionPeriodHandler {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionPeriodHandler.class);

    private final ProcessedEvents processed;
    private final AccountOpener opener;
    private final PeriodRefiller refiller;
    private final PlanCatalog plans;
    private final Clock clock;
    private final MeterRegistry meters;

    public SubscriptionPeriodHandler(ProcessedEvents processed, AccountOpener opener, PeriodRefiller refiller,
                                     PlanCatalog plans, Clock clock, MeterRegistry meters) {
        this.processed = processed;
        this.opener = opener;
        this.refiller = refiller;
        this.plans = plans;
        this.clock = clock;
        this.meters = meters;
    }

    @Transactional
    public void started(EventEnvelope<SubscriptionStarted> envelope) {
        var e = envelope.payload();
        apply(envelope, e.userId(), e.plan(), e.periodStart(), e.periodEnd(),
                "sub:" + e.subscriptionId() + ":" + e.periodStart());
    }

    @Transactional
    public void renewed(EventEnvelope<SubscriptionRenewed> envelope) {
        var e = envelope.payload();
        apply(envelope, e.userId(), e.plan(), e.periodStart(), e.periodEnd(),
                "invoice:" + e.invoiceId());
    }

    private void apply(EventEnvelope<?> envelope, String userId, String planName, Instant start, Instant end,
                       String ref) {
        UUID eventId = envelope.id();
        String plan = SubscriptionEventRules.knownPlan(plans, planName);
        SubscriptionEventRules.requireUser(userId);
        if (start == null || end == null || !end.isAfter(start)) {
            throw new RejectedEventException("bad_period", "period " + start + ".." + end + " is empty");
        }
        if (!processed.markFirstDelivery(InboundEvents.GROUP, eventId)) {
            meters.counter("tokens.events.duplicates", "type", envelope.type()).increment();
            return;
        }
        var account = opener.lockOrOpen(userId, eventId, clock.instant());
        if (!start.isAfter(account.periodStart()) && !replacesFree(account.plan(), plan, end)) {
            log.info("period {} for {} is not after the current one ({}): nothing to grant", start, userId,
                    account.periodStart());
            meters.counter("tokens.period.stale").increment();
            return;
        }
        refiller.startPeriod(account, new PeriodRefiller.NewPeriod(plan, start, end, ref), eventId, envelope.traceId(),
                clock.instant());
    }

    private boolean replacesFree(String current, String paid, Instant end) {
        return PlanCatalog.FREE.equals(current) && !PlanCatalog.FREE.equals(paid) && end.isAfter(clock.instant());
    }
}

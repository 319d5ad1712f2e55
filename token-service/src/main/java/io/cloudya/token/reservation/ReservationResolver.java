package io.cloudya.token.reservation;

import io.cloudya.contracts.token.ReservationReleased;
import io.cloudya.contracts.token.ReservationSettled;
import io.cloudya.contracts.token.TokensLow;
import io.cloudya.token.account.TokenAccount;
import io.cloudya.token.config.TokenProperties;
import io.cloudya.token.events.TokenEvents;
import io.cloudya.token.ledger.BalanceMath;
import io.cloudya.token.ledger.EntryCode;
import io.cloudya.token.ledger.HoldClosure;
import io.cloudya.token.ledger.Ledger;
import io.cloudya.token.ledger.Resolution;
import io.cloudya.token.plans.PlanCatalog;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Resolves a pending reservation exactly once (the caller holds the reservation's and the account's locks):
 * charge min(wordsUsed, held) and release the rest, or release everything. A completion that arrives after
 * the deadline is not charged: the reservation expires instead (logged and counted).
 */
@Component
public class ReservationResolver {

    private static final Logger log = LoggerFactory.getLogger(ReservationResolver.class);

    private final Ledger ledger;
    private final TokenEvents events;
    private final PlanCatalog plans;
    private final TokenProperties properties;
    private final MeterRegistry meters;

    public ReservationResolver(Ledger ledger, TokenEvents events, PlanCatalog plans, TokenProperties properties,
                               MeterRegistry meters) {
        this.ledger = ledger;
        this.events = events;
        this.plans = plans;
        this.properties = properties;
        this.meters = meters;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void resolve(Reservation r, TokenAccount account, Outcome outcome, UUID eventId, String traceId,
                        Instant now) {
        if (outcome.kind() != Outcome.Kind.EXPIRED && !now.isBefore(r.expiresAt())) {
            log.warn("outcome for command {} arrived after its reservation expired at {}: not charged",
                    r.commandId(), r.expiresAt());
            meters.counter("tokens.settlement.late").increment();
            outcome = Outcome.expired();
        }
        long charge = outcome.kind() == Outcome.Kind.COMPLETED ? Math.min(outcome.wordsUsed(), r.amount()) : 0;
        boolean samePeriod = r.periodStart().equals(account.periodStart());
        Resolution res = BalanceMath.resolve(account.balance(), r.hold(), charge, samePeriod);
        EntryCode code = outcome.kind() == Outcome.Kind.COMPLETED ? EntryCode.SETTLE : EntryCode.RELEASE;
        ReservationStatus status = switch (outcome.kind()) {
            case COMPLETED -> ReservationStatus.SETTLED;
            case FAILED -> ReservationStatus.RELEASED;
            case EXPIRED -> ReservationStatus.EXPIRED;
        };
        ledger.postClosingHold(new Ledger.Posting(account.userId(), code, charge > 0 ? charge : res.released(),
                        account.balance(), res.after(), r.reservationId().toString(), eventId, now),
                new HoldClosure(r.reservationId(), status.name(), charge, res.released()));
        long balanceAfter = res.after().available();
        if (status == ReservationStatus.SETTLED) {
            events.reservation(r.userId(), traceId, new ReservationSettled(r.commandId(), r.userId(),
                    r.reservationId(), charge, res.released(), balanceAfter));
            meters.counter("tokens.settled").increment(charge);
            warnIfLow(account, balanceAfter + charge, balanceAfter, traceId);
        } else {
            String reason = status == ReservationStatus.RELEASED ? "command_failed" : "expired";
            events.reservation(r.userId(), traceId, new ReservationReleased(r.commandId(), r.userId(),
                    r.reservationId(), res.released(), reason, balanceAfter));
            meters.counter("tokens.released", "reason", reason).increment(res.released());
        }
    }

    /** TokensLow once, when a charge takes the spendable balance across the low-balance line. */
    private void warnIfLow(TokenAccount account, long before, long after, String traceId) {
        long allowance = plans.get(account.plan()).monthlyTokens();
        long threshold = properties.lowBalanceThreshold(allowance);
        if (after < threshold && before >= threshold) {
            events.account(account.userId(), traceId, new TokensLow(account.userId(), account.plan(), after, allowance));
        }
    }
}

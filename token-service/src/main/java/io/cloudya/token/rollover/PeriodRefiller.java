package io.cloudya.token.rollover;

import io.cloudya.contracts.token.TokenPeriodRenewed;
import io.cloudya.token.account.AccountRepository;
import io.cloudya.token.account.TokenAccount;
import io.cloudya.token.config.TokenProperties;
import io.cloudya.token.events.TokenEvents;
import io.cloudya.token.ledger.BalanceMath;
import io.cloudya.token.ledger.EntryCode;
import io.cloudya.token.ledger.Ledger;
import io.cloudya.token.ledger.LedgerEntries;
import io.cloudya.token.ledger.Refill;
import io.cloudya.token.plans.PlanCatalog;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts a new period on a locked account, as one transaction (TigerBeetle's linked chain): unspent plan tokens
 * carry over up to 20 % (configurable) of the ending plan's monthly allowance, the rest expires, the new plan's
 * allowance is granted. {@code ref} names the period (an invoice, a plan change); a period is granted once.
 */
@Component
public class PeriodRefiller {

    private final AccountRepository accounts;
    private final LedgerEntries entries;
    private final Ledger ledger;
    private final TokenEvents events;
    private final PlanCatalog plans;
    private final TokenProperties properties;

    public PeriodRefiller(AccountRepository accounts, LedgerEntries entries, Ledger ledger, TokenEvents events,
                          PlanCatalog plans, TokenProperties properties) {
        this.accounts = accounts;
        this.entries = entries;
        this.ledger = ledger;
        this.events = events;
        this.plans = plans;
        this.properties = properties;
    }

    /** False when this period reference was already granted (a replay under another event id). */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean startPeriod(TokenAccount account, NewPeriod period, UUID eventId, String traceId, Instant now) {
        if (entries.hasGrant(account.userId(), period.ref())) {
            return false;
        }
        long cap = properties.rolloverCap(plans.get(account.plan()).monthlyTokens());
        long allowance = plans.get(period.plan()).monthlyTokens();
        Refill refill = BalanceMath.refill(account.balance(), cap, allowance);
        String user = account.userId();
        if (refill.expired() > 0) {
            ledger.post(new Ledger.Posting(user, EntryCode.EXPIRE, refill.expired(), account.balance(),
                    refill.afterExpiry(), period.ref(), eventId, now));
        }
        if (!refill.afterRollover().equals(refill.afterExpiry())) {
            ledger.post(new Ledger.Posting(user, EntryCode.ROLLOVER, refill.carried(), refill.afterExpiry(),
                    refill.afterRollover(), period.ref(), eventId, now));
        }
        ledger.post(new Ledger.Posting(user, EntryCode.GRANT, allowance, refill.afterRollover(), refill.afterGrant(),
                period.ref(), eventId, now));
        accounts.updatePlan(user, period.plan(), null, period.start(), period.end());
        events.account(user, traceId, new TokenPeriodRenewed(user, period.plan(), allowance, refill.carried(),
                refill.expired(), period.start(), period.end()));
        return true;
    }

    /** The period to start: its plan (a known plan name), bounds and idempotency reference. */
    public record NewPeriod(String plan, Instant start, Instant end, String ref) {
    }
}

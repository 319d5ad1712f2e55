package io.cloudya.token.rollover;

import io.cloudya.token.account.AccountRepository;
import io.cloudya.token.account.Periods;
import io.cloudya.token.account.TokenAccount;
import io.cloudya.token.config.TokenProperties;
import io.cloudya.token.plans.PlanCatalog;
import java.time.Clock;
import java.time.Instant;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refills accounts that are (or fall back to) Free when their period ends: monthly from sign-up. Paid periods are
 * started by billing's renewals instead. Accounts are claimed with {@code FOR UPDATE SKIP LOCKED}, so several
 * instances share the work; an account that missed several months catches up one month per run.
 */
@Component
public class FreePeriodRefillJob {

    private final AccountRepository accounts;
    private final PeriodRefiller refiller;
    private final TransactionTemplate transactions;
    private final TokenProperties properties;
    private final Clock clock;

    public FreePeriodRefillJob(AccountRepository accounts, PeriodRefiller refiller, TransactionTemplate transactions,
                               TokenProperties properties, Clock clock) {
        this.accounts = accounts;
        this.refiller = refiller;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${cloudya.token.refill-interval:60s}")
    void refillNow() {
        refillDue(clock.instant());
    }

    /** Starts the next Free period of every account due at {@code now}; returns how many were refilled. */
    public int refillDue(Instant now) {
        Integer refilled = transactions.execute(tx -> {
            int n = 0;
            for (TokenAccount account : accounts.lockDueFreeRefills(now, properties.sweepBatch())) {
                Instant start = account.periodEnd();
                var period = new PeriodRefiller.NewPeriod(PlanCatalog.FREE, start, Periods.monthAfter(start),
                        "period:" + start);
                if (refiller.startPeriod(account, period, null, null, now)) {
                    n++;
                }
            }
            return n;
        });
        return refilled == null ? 0 : refilled;
    }
}

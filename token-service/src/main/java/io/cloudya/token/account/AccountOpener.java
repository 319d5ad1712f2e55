package io.cloudya.token.account;

import io.cloudya.token.ledger.BalanceMath;
import io.cloudya.token.ledger.EntryCode;
import io.cloudya.token.ledger.Ledger;
import io.cloudya.token.plans.PlanCatalog;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Locks a user's account, opening it first when it does not exist: a Free account whose first period starts now,
 * with the Free allowance granted by a ledger entry. Used by UserRegistered and by money-in events that may
 * arrive before it (and by CommandRequested for users the auth service has not announced, e.g. the dev user).
 */
@Component
public class AccountOpener {

    /** The grant reference of the sign-up allowance: one per account, enforced by a unique index. */
    static final String SIGNUP_REF = "signup";

    private final AccountRepository accounts;
    private final Ledger ledger;
    private final PlanCatalog plans;

    public AccountOpener(AccountRepository accounts, Ledger ledger, PlanCatalog plans) {
        this.accounts = accounts;
        this.ledger = ledger;
        this.plans = plans;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public TokenAccount lockOrOpen(String userId, UUID eventId, Instant now) {
        var existing = accounts.lock(userId);
        if (existing.isPresent()) {
            return existing.get();
        }
        accounts.insertEmpty(userId, PlanCatalog.FREE, now, Periods.monthAfter(now), now);
        // Another instance may have opened it between our SELECT and INSERT: the lock sees its committed row.
        TokenAccount locked = accounts.lock(userId).orElseThrow();
        if (locked.balance().creditsPosted() > 0) {
            return locked;
        }
        long tokens = plans.get(PlanCatalog.FREE).monthlyTokens();
        var after = BalanceMath.grantAllowance(locked.balance(), tokens);
        ledger.post(new Ledger.Posting(userId, EntryCode.GRANT, tokens, locked.balance(), after, SIGNUP_REF,
                eventId, now));
        return locked.withBalance(after);
    }
}

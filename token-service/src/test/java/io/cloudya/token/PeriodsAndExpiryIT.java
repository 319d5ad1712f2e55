package io.cloudya.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.billing.SubscriptionCanceled;
import io.cloudya.contracts.billing.SubscriptionChanged;
import io.cloudya.contracts.billing.SubscriptionRenewed;
import io.cloudya.token.account.AccountRepository;
import io.cloudya.token.grant.PurchaseTokensHandler;
import io.cloudya.token.ledger.LedgerAudit;
import io.cloudya.token.reservation.ExpiredReservationSweeper;
import io.cloudya.token.reservation.ReserveTokensHandler;
import io.cloudya.token.rollover.FreePeriodRefillJob;
import io.cloudya.token.rollover.PlanChangeHandler;
import io.cloudya.token.rollover.SubscriptionPeriodHandler;
import io.cloudya.token.settlement.SettleReservationHandler;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Refills, rollover, plan changes and the reservation deadline, driven with explicit instants. */
@TokenServiceIT
class PeriodsAndExpiryIT {

    @Autowired ReserveTokensHandler reserve;
    @Autowired SettleReservationHandler settle;
    @Autowired PurchaseTokensHandler purchase;
    @Autowired SubscriptionPeriodHandler periods;
    @Autowired PlanChangeHandler changes;
    @Autowired FreePeriodRefillJob refillJob;
    @Autowired ExpiredReservationSweeper sweeper;
    @Autowired AccountRepository accounts;
    @Autowired LedgerAudit audit;
    @Autowired JdbcClient jdbc;

    @Test
    void shouldRefillFreeMonthlyCarryingAtMostTwentyPercentAndKeepBoughtTokens() {
        String user = Events.newUser("refill");
        purchase.handle(Events.purchased(user, "p-" + user, 700));
        UUID command = UUID.randomUUID();
        reserve.handle(Events.requested(user, command, 300));
        settle.answered(Events.answered(user, command, 100));
        Instant periodEnd = accounts.find(user).orElseThrow().periodEnd();

        refillAllDue(periodEnd);
        refillAllDue(periodEnd);

        var account = accounts.find(user).orElseThrow();
        assertThat(account.periodStart()).isEqualTo(periodEnd);
        assertThat(account.balance().rolledOver()).isEqualTo(200); // 900 unspent, cap 20 % of 1,000
        assertThat(account.balance().allowance()).isEqualTo(1000);
        assertThat(account.balance().purchased()).isEqualTo(700);
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_entry WHERE user_id = :u AND code = 'GRANT'")
                .param("u", user).query(Long.class).single()).as("sign-up + one refill, not two").isEqualTo(2);
        assertThat(audit.run().anomalies()).isZero();
    }

    @Test
    void shouldGrantTheNewAllowanceAtOnceOnUpgradeAndDowngradeOnlyAtRenewal() {
        String user = Events.newUser("upgrade");
        purchase.handle(Events.purchased(user, "p-" + user, 10));
        Instant upgradeAt = Instant.now().plusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);

        changes.changed(EventEnvelope.of(user, null,
                new SubscriptionChanged(user, "free", "pro", "sub-" + user, true, upgradeAt)));

        var pro = accounts.find(user).orElseThrow();
        assertThat(pro.plan()).isEqualTo("pro");
        assertThat(pro.balance().rolledOver()).isEqualTo(200);
        assertThat(pro.balance().allowance()).isEqualTo(50_000);
        assertThat(pro.periodStart()).isEqualTo(upgradeAt);

        changes.changed(EventEnvelope.of(user, null,
                new SubscriptionChanged(user, "pro", "starter", "sub-" + user, false, pro.periodEnd())));
        assertThat(accounts.find(user).orElseThrow().plan()).isEqualTo("pro");
        assertThat(accounts.find(user).orElseThrow().pendingPlan()).isEqualTo("starter");

        periods.renewed(EventEnvelope.of(user, null, new SubscriptionRenewed(user, "starter", "sub-" + user,
                "inv-" + user, pro.periodEnd(), pro.periodEnd().plus(Duration.ofDays(30)))));
        var starter = accounts.find(user).orElseThrow();
        assertThat(starter.plan()).isEqualTo("starter");
        assertThat(starter.pendingPlan()).isNull();
        assertThat(starter.balance().rolledOver()).isEqualTo(10_000); // 20 % of Pro's 50,000
        assertThat(starter.balance().allowance()).isEqualTo(10_000);
        assertThat(starter.balance().purchased()).isEqualTo(10);
    }

    @Test
    void shouldFallBackToFreeAtTheNextRefillAfterCancellation() {
        String user = Events.newUser("cancel");
        Instant start = Instant.now().plusSeconds(30);
        periods.started(Events.started(user, "starter", start));
        changes.canceled(EventEnvelope.of(user, null,
                new SubscriptionCanceled(user, "starter", "sub-" + user, "payment_failed", null)));
        assertThat(accounts.find(user).orElseThrow().plan()).isEqualTo("starter");
        Instant end = accounts.find(user).orElseThrow().periodEnd();

        refillAllDue(end);

        var account = accounts.find(user).orElseThrow();
        assertThat(account.plan()).isEqualTo("free");
        assertThat(account.balance().allowance()).isEqualTo(1000);
        assertThat(account.balance().rolledOver()).isEqualTo(2000);
    }

    /** Other tests' accounts may be due too: run batches until none is left. */
    private void refillAllDue(Instant now) {
        while (refillJob.refillDue(now) > 0) {
            // next batch
        }
    }

    @Test
    void shouldReleaseAnExpiredReservationAndNotChargeALateSettlement() {
        String user = Events.newUser("expiry");
        UUID command = UUID.randomUUID();
        reserve.handle(Events.requested(user, command, 300));
        Instant afterDeadline = Instant.now().plus(Duration.ofMinutes(2));

        assertThat(sweeper.sweep(afterDeadline)).isGreaterThanOrEqualTo(1);
        assertThat(new LedgerState(jdbc).reservationStatus(command)).isEqualTo("EXPIRED");

        settle.answered(Events.answered(user, command, 250));

        var buckets = new LedgerState(jdbc).buckets(user);
        assertThat(buckets.allowance()).isEqualTo(1000);
        assertThat(buckets.reserved()).isZero();
        assertThat(new LedgerState(jdbc).reservationStatus(command)).isEqualTo("EXPIRED");
    }
}

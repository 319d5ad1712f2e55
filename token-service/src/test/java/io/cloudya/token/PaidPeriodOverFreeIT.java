package io.cloudya.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudya.token.account.AccountRepository;
import io.cloudya.token.account.OpenAccountHandler;
import io.cloudya.token.rollover.SubscriptionPeriodHandler;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Stripe's period bounds are whole seconds; our Free period starts at sign-up, to the millisecond. */
@TokenServiceIT
class PaidPeriodOverFreeIT {

    @Autowired OpenAccountHandler signUps;
    @Autowired SubscriptionPeriodHandler periods;
    @Autowired AccountRepository accounts;

    @Test
    void startsThePaidPeriodOfASubscriptionPaidInTheSecondOfSignUp() {
        String user = Events.newUser("same-second");
        signUps.handle(Events.registered(user));
        var free = accounts.find(user).orElseThrow();
        var paidFrom = free.periodStart().truncatedTo(ChronoUnit.SECONDS);

        periods.started(Events.started(user, "pro", paidFrom));

        var pro = accounts.find(user).orElseThrow();
        assertThat(pro.plan()).isEqualTo("pro");
        assertThat(pro.balance().allowance()).isEqualTo(50_000);
        assertThat(pro.periodStart()).isEqualTo(paidFrom);
    }

    @Test
    void stillIgnoresAPaidPeriodThatDoesNotStartAfterTheCurrentPaidOne() {
        String user = Events.newUser("paid-replay");
        signUps.handle(Events.registered(user));
        var paidFrom = accounts.find(user).orElseThrow().periodStart().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
        periods.started(Events.started(user, "pro", paidFrom));
        var before = accounts.find(user).orElseThrow();

        periods.started(Events.started(user, "pro", paidFrom)); // the same period again, under a new event id

        var after = accounts.find(user).orElseThrow();
        assertThat(after.balance()).isEqualTo(before.balance());
        assertThat(after.periodStart()).isEqualTo(paidFrom);
    }
}

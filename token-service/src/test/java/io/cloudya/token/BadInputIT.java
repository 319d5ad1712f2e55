package io.cloudya.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.billing.SubscriptionChanged;
import io.cloudya.contracts.billing.TokensPurchased;
import io.cloudya.token.events.RejectedEventException;
import io.cloudya.token.grant.PurchaseTokensHandler;
import io.cloudya.token.grant.RefundPurchaseHandler;
import io.cloudya.token.reservation.ReserveTokensHandler;
import io.cloudya.token.rollover.PlanChangeHandler;
import io.cloudya.token.rollover.SubscriptionPeriodHandler;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

/** Unknown plans, impossible amounts and unknown users are rejected with a clear code and change nothing. */
@TokenServiceIT
class BadInputIT {

    @Autowired PurchaseTokensHandler purchase;
    @Autowired RefundPurchaseHandler refund;
    @Autowired ReserveTokensHandler reserve;
    @Autowired SubscriptionPeriodHandler periods;
    @Autowired PlanChangeHandler changes;
    @Autowired KafkaTemplate<String, String> kafka;
    @Autowired MeterRegistry meters;
    @Autowired JdbcClient jdbc;

    private String user;
    private LedgerState ledger;
    private LedgerState.Buckets before;
    private long entriesBefore;

    @BeforeEach
    void openAccount() {
        ledger = new LedgerState(jdbc);
        user = Events.newUser("bad");
        purchase.handle(Events.purchased(user, "ok-" + user, 500));
        before = ledger.buckets(user);
        entriesBefore = ledger.entries(user);
    }

    @Test
    void shouldRejectUnknownPlan() {
        assertRejected(() -> periods.started(Events.started(user, "platinum", Instant.now())), "unknown_plan");
        assertRejected(() -> changes.changed(EventEnvelope.of(user, null, new SubscriptionChanged(user, "free",
                "gold", "sub-1", true, Instant.now()))), "unknown_plan");
    }

    @Test
    void shouldRejectNegativeAndAbsurdAmounts() {
        assertRejected(() -> purchase.handle(Events.purchased(user, "neg-" + user, -5)), "bad_amount");
        assertRejected(() -> purchase.handle(Events.purchased(user, "huge-" + user, 10_000_001)), "bad_amount");
        assertRejected(() -> reserve.handle(Events.requested(user, UUID.randomUUID(), -1)), "bad_max_words");
        assertRejected(() -> reserve.handle(Events.requested(user, UUID.randomUUID(), 5_000_000)), "bad_max_words");
        assertRejected(() -> refund.handle(Events.refunded(user, "ok-" + user, -10)), "bad_refund");
    }

    @Test
    void shouldRejectUnknownUserAndUnknownPurchase() {
        String nobody = Events.newUser("nobody");
        assertRejected(() -> refund.handle(Events.refunded(nobody, "ok-" + user, 10)), "account_not_found");
        assertRejected(() -> refund.handle(Events.refunded(user, "never-bought", 10)), "unknown_purchase");
        assertRejected(() -> changes.canceled(EventEnvelope.of(nobody, null,
                new io.cloudya.contracts.billing.SubscriptionCanceled(nobody, "pro", "s", "canceled",
                        Instant.now()))), "account_not_found");
        assertThat(ledger.buckets(nobody)).isNull();
    }

    @Test
    void shouldRejectTheSamePurchaseIdForAnotherUser() {
        String other = Events.newUser("other");
        purchase.handle(Events.purchased(other, "shared-" + user, 100));
        long otherEntries = ledger.entries(other);

        assertRejected(() -> purchase.handle(EventEnvelope.of(other, null,
                new TokensPurchased(other, "shared-" + user, 900, 90, "eur"))), "purchase_conflict");
        assertThat(ledger.entries(other)).isEqualTo(otherEntries);
    }

    @Test
    void shouldSkipARejectedKafkaEventAndKeepConsuming() {
        double rejectedBefore = new Counters(meters).rejected("unknown_plan");
        Events.publish(kafka, Events.started(user, "platinum", Instant.now()));
        Events.publish(kafka, Events.purchased(user, "after-" + user, 100));

        await().atMost(Duration.ofSeconds(20)).until(() -> ledger.buckets(user).purchased() == 600);
        assertThat(new Counters(meters).rejected("unknown_plan")).isEqualTo(rejectedBefore + 1);
        assertThat(jdbc.sql("SELECT plan FROM token_account WHERE user_id = :u").param("u", user)
                .query(String.class).single()).isEqualTo("free");
    }

    private void assertRejected(Runnable call, String code) {
        assertThatThrownBy(call::run).isInstanceOf(RejectedEventException.class)
                .satisfies(e -> assertThat(((RejectedEventException) e).code()).isEqualTo(code));
        assertThat(ledger.buckets(user)).isEqualTo(before);
        assertThat(ledger.entries(user)).isEqualTo(entriesBefore);
    }
}

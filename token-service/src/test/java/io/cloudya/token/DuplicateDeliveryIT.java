package io.cloudya.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudya.contracts.EventEnvelope;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

/** Every listener gets the same event id twice through Kafka (fast path + relay): one effect, one skip. */
@TokenServiceIT
class DuplicateDeliveryIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired KafkaTemplate<String, String> kafka;
    @Autowired MeterRegistry meters;
    @Autowired JdbcClient jdbc;

    @Test
    void shouldOpenAnAccountOnceWhenUserRegisteredArrivesTwice() {
        String user = Events.newUser("dup-user");
        deliverTwice(Events.registered(user));
        assertThat(new LedgerState(jdbc).entries(user)).isEqualTo(1);
        assertThat(new LedgerState(jdbc).buckets(user).allowance()).isEqualTo(1000);
    }

    @Test
    void shouldCreditAPurchaseOnceWhenTokensPurchasedArrivesTwice() {
        String user = Events.newUser("dup-pay");
        deliverTwice(Events.purchased(user, "p-" + user, 3000));
        assertThat(new LedgerState(jdbc).buckets(user).purchased()).isEqualTo(3000);
    }

    @Test
    void shouldReserveAndSettleOnceWhenCommandRequestedAndAiJobCompletedArriveTwice() {
        String user = Events.newUser("dup-cmd");
        UUID command = UUID.randomUUID();
        deliverTwice(Events.requested(user, command, 300));
        deliverTwice(Events.answered(user, command, 111));
        var buckets = new LedgerState(jdbc).buckets(user);
        assertThat(buckets.allowance()).isEqualTo(889);
        assertThat(new LedgerState(jdbc).entries(user)).isEqualTo(3);
    }

    @Test
    void shouldStartAPeriodOnceWhenSubscriptionStartedArrivesTwice() {
        String user = Events.newUser("dup-sub");
        deliverTwice(Events.started(user, "starter", Instant.now().plusSeconds(5)));
        assertThat(new LedgerState(jdbc).buckets(user).allowance()).isEqualTo(10_000);
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_entry WHERE user_id = :u AND code = 'GRANT'")
                .param("u", user).query(Long.class).single()).isEqualTo(2);
    }

    private void deliverTwice(EventEnvelope<?> event) {
        double before = duplicates(event.type());
        Events.publish(kafka, event);
        Events.publish(kafka, event);
        await().atMost(WAIT).until(() -> duplicates(event.type()) >= before + 1);
        assertThat(jdbc.sql("SELECT count(*) FROM processed_event WHERE event_id = :id").param("id", event.id())
                .query(Long.class).single()).isEqualTo(1);
    }

    private double duplicates(String type) {
        return new Counters(meters).count("tokens.events.duplicates", "type", type);
    }
}

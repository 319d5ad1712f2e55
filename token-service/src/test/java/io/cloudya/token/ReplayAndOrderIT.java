package io.cloudya.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudya.contracts.EventEnvelope;
import io.cloudya.token.ledger.LedgerAudit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Every input event delivered twice, in a shuffled order (outcomes before their requests, purchases before the
 * registration), through Kafka: the ledger ends equal to the one built from a single in-order delivery.
 */
@TokenServiceIT
class ReplayAndOrderIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired KafkaTemplate<String, String> kafka;
    @Autowired JdbcClient jdbc;
    @Autowired LedgerAudit audit;

    @Test
    void shouldBuildTheSameLedgerFromDuplicatedShuffledEventsAsFromOneOrderedDelivery() {
        LedgerState ledger = new LedgerState(jdbc);
        String once = Events.newUser("once");
        String messy = Events.newUser("messy");
        List<EventEnvelope<?>> ordered = story(once);
        List<EventEnvelope<?>> doubled = new ArrayList<>(story(messy));
        doubled.addAll(doubled);
        Collections.shuffle(doubled, new Random(42));

        ordered.forEach(e -> Events.publish(kafka, e));
        doubled.forEach(e -> Events.publish(kafka, e));

        await().atMost(WAIT).until(() -> settledAll(once) && settledAll(messy));
        assertThat(ledger.buckets(messy)).isEqualTo(ledger.buckets(once));
        assertThat(ledger.entryShapes(messy)).isEqualTo(ledger.entryShapes(once)).hasSize(10);
        assertThat(ledger.buckets(once).purchased()).isEqualTo(1500 + 2500 - 500);
        assertThat(audit.run().anomalies()).isZero();
    }

    private boolean settledAll(String user) {
        return jdbc.sql("SELECT count(*) FROM reservation WHERE user_id = :u AND status <> 'PENDING'")
                .param("u", user).query(Long.class).single() == 3
                && jdbc.sql("SELECT count(*) FROM ledger_entry WHERE user_id = :u AND code = 'REFUND'")
                .param("u", user).query(Long.class).single() == 1;
    }

    /** Registration, two top-ups, one refund, three commands (two answered, one given up by the ai-worker). */
    private static List<EventEnvelope<?>> story(String user) {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        return List.of(Events.registered(user),
                Events.purchased(user, "p1-" + user, 1500), Events.purchased(user, "p2-" + user, 2500),
                Events.requested(user, a, 100), Events.requested(user, b, 100), Events.requested(user, c, 100),
                Events.answered(user, a, 40), Events.answered(user, b, 250), Events.gaveUp(user, c, "no_provider"),
                Events.refunded(user, "p2-" + user, 500));
    }
}

package io.cloudya.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudya.contracts.Event;
import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.token.TokensLow;
import io.cloudya.outbox.testing.KafkaProbe;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * TokensLow through real Kafka: a Free account (1,000 tokens a month, line at 10 % = 100) warned once, by the
 * settlement that takes its spendable balance from at or above the line to below it, and not by the next one.
 */
@TokenServiceIT
class LowBalanceWarningIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired EmbeddedKafkaBroker broker;
    @Autowired KafkaTemplate<String, String> kafka;

    private KafkaProbe probe;

    @BeforeEach
    void openProbe() {
        probe = new KafkaProbe(broker, Topics.RESERVATION_EVENTS, Topics.TOKEN_ACCOUNT_EVENTS, Topics.AI_JOB_REQUESTS);
    }

    @AfterEach
    void closeProbe() {
        probe.close();
    }

    @Test
    void shouldWarnOnceWhenASettlementTakesTheBalanceBelowTenPercentOfTheAllowance() {
        String user = Events.newUser("low");
        Events.publish(kafka, Events.registered(user));
        settle(user, 300, 700);
        settle(user, 300, 400);
        settle(user, 250, 150);
        assertThat(probe.matching(Topics.TOKEN_ACCOUNT_EVENTS, tokensLow(user))).as("150 is above the line").isEmpty();

        settle(user, 60, 90);

        var warning = (TokensLow) KafkaProbe.envelope(probe.await(Topics.TOKEN_ACCOUNT_EVENTS, tokensLow(user), WAIT))
                .payload();
        assertThat(warning.available()).isEqualTo(90);
        assertThat(warning.monthlyAllowance()).isEqualTo(1000);
        assertThat(warning.plan()).isEqualTo("free");

        settle(user, 40, 50);
        probe.drain(Duration.ofSeconds(2));

        assertThat(probe.matching(Topics.TOKEN_ACCOUNT_EVENTS, tokensLow(user)))
                .as("already below the line: no second warning").hasSize(1);
    }

    /**
     * One command holding the plan cap (or what is left), answered by the ai-worker with {@code wordsUsed} and the
     * hold its AI job carried, which gives command-service the same balance as the settlement without waiting for it.
     */
    private void settle(String user, int wordsUsed, long balanceAfter) {
        UUID command = UUID.randomUUID();
        Events.publish(kafka, Events.requested(user, command, 300));
        var held = AiJobs.await(probe, Topics.AI_JOB_REQUESTS, command, WAIT).reservation();
        Events.publish(kafka, Events.answered(user, command, wordsUsed, held));
        var settled = LedgerOutcomes.awaitSettled(probe, command, WAIT);
        assertThat(settled.charged()).isEqualTo(wordsUsed);
        assertThat(settled.balanceAfter()).isEqualTo(balanceAfter);
        assertThat(held.remainingAfter(held.charge(wordsUsed))).isEqualTo(balanceAfter);
    }

    private static Predicate<EventEnvelope<Event>> tokensLow(String user) {
        return e -> e.payload() instanceof TokensLow low && low.userId().equals(user);
    }
}

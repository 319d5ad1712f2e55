package io.cloudya.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudya.token.ledger.LedgerAudit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Crashes between consuming and committing: the transaction dies after its ledger entries were written (the
 * injected fault), and the listener container is stopped mid-batch and started again. Kafka redelivers what was
 * not committed; nothing is lost, nothing is doubled.
 */
@TokenServiceIT
class CrashRecoveryIT {

    private static final Duration WAIT = Duration.ofSeconds(40);

    @Autowired KafkaTemplate<String, String> kafka;
    @Autowired KafkaListenerEndpointRegistry listeners;
    @Autowired JdbcClient jdbc;
    @Autowired LedgerAudit audit;

    @AfterEach
    void disarm() {
        FaultInjection.FAIL_NEXT_APPENDS.set(0);
        listeners.getListenerContainer("token-commands").start();
    }

    @Test
    void shouldChargeEachCommandExactlyOnceWhenTransactionsDieBeforeCommit() {
        String user = Events.newUser("crash");
        Events.publish(kafka, Events.registered(user));
        await().atMost(WAIT).until(() -> new LedgerState(jdbc).buckets(user) != null);
        int injectedBefore = FaultInjection.INJECTED.get();
        FaultInjection.FAIL_NEXT_APPENDS.set(3);

        List<UUID> commands = publishCommands(user, 5, 20);

        await().atMost(WAIT).until(() -> resolved(user) == commands.size());
        assertThat(FaultInjection.INJECTED.get() - injectedBefore).isEqualTo(3);
        assertOnceEach(user, commands.size(), 20);
    }

    @Test
    void shouldRecoverWhenTheConsumerStopsMidBatchAndRestarts() {
        String user = Events.newUser("stop");
        Events.publish(kafka, Events.registered(user));
        await().atMost(WAIT).until(() -> new LedgerState(jdbc).buckets(user) != null);
        var container = listeners.getListenerContainer("token-commands");

        List<UUID> commands = publishCommands(user, 10, 10);
        await().atMost(WAIT).until(() -> resolved(user) + pending(user) >= 3);
        container.stop();
        container.start();

        await().atMost(WAIT).until(() -> resolved(user) == commands.size());
        assertOnceEach(user, commands.size(), 10);
    }

    private List<UUID> publishCommands(String user, int count, int wordsUsed) {
        List<UUID> commands = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID command = UUID.randomUUID();
            commands.add(command);
            Events.publish(kafka, Events.requested(user, command, 50));
            Events.publish(kafka, Events.answered(user, command, wordsUsed));
        }
        return commands;
    }

    private void assertOnceEach(String user, int commands, int wordsUsed) {
        var ledger = new LedgerState(jdbc);
        assertThat(ledger.buckets(user).allowance()).isEqualTo(1000 - (long) commands * wordsUsed);
        assertThat(ledger.buckets(user).reserved()).isZero();
        assertThat(ledger.entries(user)).isEqualTo(1 + 2L * commands);
        assertThat(audit.run().anomalies()).isZero();
    }

    private long resolved(String user) {
        return count("SELECT count(*) FROM reservation WHERE user_id = :u AND status = 'SETTLED'", user);
    }

    private long pending(String user) {
        return count("SELECT count(*) FROM reservation WHERE user_id = :u AND status = 'PENDING'", user);
    }

    private long count(String sql, String user) {
        return jdbc.sql(sql).param("u", user).query(Long.class).single();
    }
}

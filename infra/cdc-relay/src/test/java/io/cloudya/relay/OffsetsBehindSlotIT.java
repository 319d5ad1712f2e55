package io.cloudya.relay;

import static io.cloudya.relay.support.Records.hasId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.cloudya.relay.engine.ConnectorConfigFactory;
import io.cloudya.relay.engine.WalPosition;
import io.cloudya.relay.support.OutboxDatabase;
import io.cloudya.relay.support.RelayIntegrationTest;
import io.cloudya.relay.support.RelayedDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An engine whose saved offsets are older than its slot: something else consumed the slot while the engine was
 * stopped (a second relay pointed at the same databases, an operator's pg_replication_slot_advance, an offsets file
 * restored from a backup). PostgreSQL cannot stream from before the slot's position any more, so the engine must
 * start from the slot instead of failing every start with "no longer available on the server".
 */
@RelayIntegrationTest
@EmbeddedKafka(partitions = 1, topics = "it.behind")
@ExtendWith(OutputCaptureExtension.class)
class OffsetsBehindSlotIT {

    private static final String TOPIC = "it.behind";
    private static final OutboxDatabase DB = OutboxDatabase.withRandomName("behind");

    @RegisterExtension
    static final RelayedDatabase RELAYED = new RelayedDatabase(DB);
    private static final String SLOT = ConnectorConfigFactory.slotName(DB.name());

    @Autowired MeterRegistry meters;

    @DynamicPropertySource
    static void relayOneThrowawayDatabase(DynamicPropertyRegistry registry) throws Exception {
        RELAYED.register(registry);
    }

    @Test
    void startsFromTheSlotWhenItsSavedOffsetsAreOlderThanTheSlotAndSaysSo(CapturedOutput output) throws Exception {
        String key = "user-" + UUID.randomUUID();
        RELAYED.startEngine();
        UUID relayed = DB.commitEvent(TOPIC, key);
        RELAYED.readThrough(TOPIC, relayed);
        restartEngine();
        assertThat(skips()).as("an ordinary restart: the offsets are where the slot is").isZero();
        RELAYED.engine().stop();
        String savedPosition = currentWal();

        UUID consumedElsewhere = DB.commitEvent(TOPIC, key);
        await().atMost(Duration.ofSeconds(30)).until(() -> slotMovedPast(savedPosition));
        assertThat(WalPosition.parse(slotRestartLsn())).as("precondition: the slot no longer holds the saved position")
                .isGreaterThan(WalPosition.parse(savedPosition));

        RELAYED.startEngine();
        UUID afterRestart = DB.commitEvent(TOPIC, key);
        List<ConsumerRecord<String, String>> read = RELAYED.readThrough(TOPIC, afterRestart);

        assertThat(read).as("what the other consumer took is gone from the slot; nothing else is missing")
                .noneMatch(r -> hasId(r, consumedElsewhere))
                .anyMatch(r -> hasId(r, relayed));
        assertThat(skips()).isEqualTo(1.0);
        assertThat(output.getOut()).containsPattern("WARN .*Outbox engine " + DB.name() + ": its offsets .* stop at "
                + "LSN .* but slot " + SLOT + " already confirmed LSN .*Starting from the slot");
    }

    private void restartEngine() {
        RELAYED.engine().stop();
        RELAYED.startEngine();
    }

    private double skips() {
        return meters.get("relay.offsets.behind.slot").tag("database", DB.name()).counter().count();
    }

    private String currentWal() throws Exception {
        return query("SELECT pg_current_wal_lsn()::text");
    }

    private String slotRestartLsn() throws Exception {
        return query("SELECT restart_lsn::text FROM pg_replication_slots WHERE slot_name = '" + SLOT + "'");
    }

    /**
     * What another consumer of the slot does; a checkpoint first logs the running transactions it needs to move.
     * The slot's restart point stays behind any transaction of the cluster still open at that checkpoint (another
     * test's, autovacuum's), so this repeats until it has moved past {@code position}.
     */
    private boolean slotMovedPast(String position) throws Exception {
        DB.execute("CHECKPOINT");
        DB.commitEvent("it.unrelated", "checkpointed");
        query("SELECT pg_replication_slot_advance('" + SLOT + "', pg_current_wal_lsn())::text");
        return WalPosition.parse(position).isBefore(WalPosition.parse(slotRestartLsn()));
    }

    private String query(String sql) throws Exception {
        try (Connection connection = DB.connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}

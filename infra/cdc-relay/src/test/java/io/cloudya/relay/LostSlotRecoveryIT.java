package io.cloudya.relay;

import static io.cloudya.relay.support.Records.hasId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.verify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.cloudya.relay.config.RelayProperties;
import io.cloudya.relay.engine.ConnectorConfigFactory;
import io.cloudya.relay.engine.ReplicationSlots;
import io.cloudya.relay.engine.SlotState;
import io.cloudya.relay.support.OutboxDatabase;
import io.cloudya.relay.support.RelayIntegrationTest;
import io.cloudya.relay.support.RelayedDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The recovery from a lost slot, end to end on the real PostgreSQL and Kafka: the real slot is dropped, a fresh one
 * created, and events flow again. Only the catalog's verdict is stubbed: invalidating a slot for real needs a
 * server-wide max_slot_wal_keep_size (and gigabytes of WAL here), see ReplicationSlotsIT for the real reads.
 */
@RelayIntegrationTest
@EmbeddedKafka(partitions = 1, topics = "it.lost-slot")
@ExtendWith(OutputCaptureExtension.class)
class LostSlotRecoveryIT {

    private static final String TOPIC = "it.lost-slot";
    private static final OutboxDatabase DB = OutboxDatabase.withRandomName("lost");

    @RegisterExtension
    static final RelayedDatabase RELAYED = new RelayedDatabase(DB);
    private static final String SLOT = ConnectorConfigFactory.slotName(DB.name());

    @Autowired MeterRegistry meters;
    @Autowired RelayProperties properties;
    @Autowired @Qualifier("outbox") CompositeHealthContributor health;
    @MockitoSpyBean ReplicationSlots slots;

    @DynamicPropertySource
    static void relayOneThrowawayDatabase(DynamicPropertyRegistry registry) throws Exception {
        RELAYED.register(registry);
    }

    @Test
    void shouldRecreateALostSlotWithFreshOffsetsAndRelayNewEventsAgainWithAnAlert(CapturedOutput output)
            throws Exception {
        String key = "user-" + UUID.randomUUID();
        RELAYED.startEngine();
        readThrough(DB.commitEvent(TOPIC, key));
        Path otherEnginesOffsets = Files.writeString(properties.dataDir().resolve("cloudya_other.offsets"), "kept");
        RELAYED.engine().stop();
        UUID committedWhileLost = DB.commitEvent(TOPIC, key);
        doReturn(Optional.of(new SlotState("lost", "0/16B3748"))).doCallRealMethod().when(slots).state(DB.name(), SLOT);

        RELAYED.startEngine();
        UUID afterRecovery = DB.commitEvent(TOPIC, key);
        List<ConsumerRecord<String, String>> read = readThrough(afterRecovery);

        verify(slots).drop(DB.name(), SLOT);
        assertThat(read).as("the fresh slot starts at the current WAL: the gap was the fast path's alone")
                .noneMatch(r -> hasId(r, committedWhileLost)).hasSize(2);
        assertThat(otherEnginesOffsets).hasContent("kept");
        assertThat(meters.get("relay.slot.recreated").tag("database", DB.name()).counter().count()).isEqualTo(1.0);
        assertThat(output.getOut()).containsPattern("ERROR .*Replication slot " + SLOT + " of " + DB.name()
                + " was lost.*LSN 0/16B3748.*fast path");
        Health engineHealth = ((HealthIndicator) health.getContributor(DB.name())).health();
        assertThat(engineHealth.getStatus()).isEqualTo(Status.UP);
        assertThat(engineHealth.getDetails()).containsEntry("slotRecreations", 1L).containsKey("lastSlotRecreation");
    }

    private List<ConsumerRecord<String, String>> readThrough(UUID marker) {
        return RELAYED.readThrough(TOPIC, marker);
    }
}

package io.cloudya.relay.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What becomes of a slot and its offsets for each state PostgreSQL reports; end to end: LostSlotRecoveryIT. */
class LostSlotRecoveryTest {

    private static final String DB = "cloudya_command";
    private static final String SLOT = "cloudya_command_outbox";

    private final ReplicationSlots slots = mock(ReplicationSlots.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @TempDir
    Path dataDir;
    private Path ownOffsets;
    private Path otherOffsets;

    @BeforeEach
    void twoEnginesOffsets() throws Exception {
        ownOffsets = Files.writeString(dataDir.resolve(DB + ".offsets"), "command offsets");
        otherOffsets = Files.writeString(dataDir.resolve("cloudya_token.offsets"), "token offsets");
    }

    @Test
    void dropsALostSlotAndDiscardsOnlyItsOwnEnginesOffsets() throws Exception {
        when(slots.state(DB, SLOT)).thenReturn(Optional.of(new SlotState("lost", "0/1A2B3C")));
        LostSlotRecovery recovery = recovery(true);

        assertThat(recovery.blocker(DB)).as("the engine may start and create a fresh slot").isEmpty();

        verify(slots).drop(DB, SLOT);
        assertThat(ownOffsets).doesNotExist();
        assertThat(otherOffsets).hasContent("token offsets");
        assertThat(recreatedCount()).isEqualTo(1.0);
        assertThat(recovery.recreations()).isEqualTo(1);
        assertThat(recovery.lastRecreation()).hasValueSatisfying(last -> {
            assertThat(last.slot()).isEqualTo(SLOT);
            assertThat(last.lostAfterLsn()).isEqualTo("0/1A2B3C");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"reserved", "extended", "unreserved"})
    void leavesASlotThatCanStillStreamAndItsOffsetsAlone(String walStatus) throws Exception {
        when(slots.state(DB, SLOT)).thenReturn(Optional.of(new SlotState(walStatus, "0/1")));
        LostSlotRecovery recovery = recovery(true);

        assertThat(recovery.blocker(DB)).isEmpty();

        verify(slots, never()).drop(any(), any());
        assertThat(ownOffsets).hasContent("command offsets");
        assertThat(recreatedCount()).isZero();
        assertThat(recovery.lastRecreation()).isEmpty();
    }

    @Test
    void letsDebeziumCreateTheSlotWhenThereIsNoneYet() throws Exception {
        when(slots.state(DB, SLOT)).thenReturn(Optional.empty());

        assertThat(recovery(true).blocker(DB)).isEmpty();

        verify(slots, never()).drop(any(), any());
        assertThat(ownOffsets).exists();
    }

    @Test
    void waitsForAnOperatorWithoutTouchingAnythingWhenRecoveryIsOff() throws Exception {
        when(slots.state(DB, SLOT)).thenReturn(Optional.of(new SlotState("lost", "0/1")));

        assertThat(recovery(false).blocker(DB)).hasValueSatisfying(reason -> assertThat(reason)
                .contains(SLOT).contains("lost").contains("cloudya.relay.recreate-lost-slot"));

        verify(slots, never()).drop(any(), any());
        assertThat(ownOffsets).hasContent("command offsets");
        assertThat(recreatedCount()).isZero();
    }

    @Test
    void keepsTheOffsetsAndRetriesWhenTheLostSlotCannotBeDropped() throws Exception {
        when(slots.state(DB, SLOT)).thenReturn(Optional.of(new SlotState("lost", "0/1")));
        doThrow(new SQLException("replication slot is active for PID 42")).when(slots).drop(DB, SLOT);

        assertThat(recovery(true).blocker(DB)).hasValueSatisfying(reason -> assertThat(reason).contains("active"));

        assertThat(ownOffsets).hasContent("command offsets");
        assertThat(recreatedCount()).isZero();
    }

    @Test
    void waitsWhenTheSlotCannotBeRead() throws Exception {
        when(slots.state(DB, SLOT)).thenThrow(new SQLException("connection refused"));

        assertThat(recovery(true).blocker(DB)).hasValueSatisfying(reason -> assertThat(reason).contains("refused"));

        assertThat(ownOffsets).exists();
    }

    private LostSlotRecovery recovery(boolean enabled) {
        return new LostSlotRecovery(slots, DB, ownOffsets, enabled, meters);
    }

    private double recreatedCount() {
        return meters.get("relay.slot.recreated").tag("database", DB).counter().count();
    }
}

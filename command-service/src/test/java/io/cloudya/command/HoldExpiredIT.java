package io.cloudya.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudya.command.store.CommandStatus;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.command.CommandRequested;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A verdict that never comes (the ai-worker gave up on the job): the ledger's sweeper releases the expired hold,
 * and that release ends the command still waiting here, so no row stays PENDING for ever. Any other release
 * follows a verdict already recorded and changes nothing.
 */
@SagaIT
class HoldExpiredIT extends SagaITSupport {

    @Test
    void endsTheWaitingCommandWhenItsHoldExpiredWithoutAVerdict() {
        String user = "it-expired-" + UUID.randomUUID();
        api.post(user, "free", "req-" + user, "{\"user_input\":\"list nodes\"}");
        CommandRequested requested = saga.requested(user, "list nodes");

        saga.publish(Topics.RESERVATION_EVENTS, SagaEventsMother.released(requested.commandId(), user, "expired"));

        var row = awaitStatus(requested.commandId(), CommandStatus.FAILED);
        assertThat(row.failureCode()).isEqualTo("hold_expired");
        assertThat(row.failureMessage()).contains("nothing was charged");
    }

    @Test
    void leavesTheCommandWaitingOnAnyOtherRelease() {
        String user = "it-released-" + UUID.randomUUID();
        api.post(user, "free", "req-" + user, "{\"user_input\":\"list nodes\"}");
        CommandRequested requested = saga.requested(user, "list nodes");
        var release = SagaEventsMother.released(requested.commandId(), user, "command_failed");

        saga.publish(Topics.RESERVATION_EVENTS, release);
        var expired = SagaEventsMother.released(UUID.randomUUID(), user, "expired");
        saga.publish(Topics.RESERVATION_EVENTS, expired);
        awaitApplied(expired);

        assertThat(commands.findById(requested.commandId()).orElseThrow().status()).isEqualTo(CommandStatus.PENDING);
    }
}

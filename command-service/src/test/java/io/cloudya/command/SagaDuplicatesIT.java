package io.cloudya.command;

import static io.cloudya.command.SagaPlayer.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudya.command.store.CommandStatus;
import io.cloudya.command.store.NewCommand;
import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.command.CommandRequested;
import io.cloudya.contracts.command.ExecutionMode;
import io.cloudya.contracts.token.HeldTokens;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every durable listener gets each event twice (fast path + relay by design): one effect each time. */
@SagaIT
class SagaDuplicatesIT extends SagaITSupport {

    @Autowired MeterRegistry meters;

    @Test
    void shouldRejectOnceWhenTokensRejectedArrivesTwice() {
        UUID commandId = pendingCommand("it-dup-rejected-");
        String user = commands.findById(commandId).orElseThrow().userId();

        deliverTwice(Topics.RESERVATION_EVENTS, SagaEventsMother.rejected(commandId, user, 300, 3));

        assertThat(commands.findById(commandId).orElseThrow().status()).isEqualTo(CommandStatus.REJECTED);
    }

    @Test
    void completesOnceWhenAiJobCompletedArrivesTwice() {
        UUID commandId = pendingCommand("it-dup-completed-");
        String user = commands.findById(commandId).orElseThrow().userId();
        HeldTokens held = SagaEventsMother.held(300, 700);

        deliverTwice(Topics.COMMAND_EVENTS, SagaEventsMother.completed(commandId, user, held, 42));

        var row = commands.findById(commandId).orElseThrow();
        assertThat(row.status()).isEqualTo(CommandStatus.COMPLETED);
        assertThat(row.wordsUsed()).isEqualTo(42);
        assertThat(row.reservation()).isEqualTo(held);
        assertThat(saga.commandEventTypes(commandId, Duration.ofMillis(300)))
                .containsExactly("AiJobCompleted", "AiJobCompleted");
    }

    @Test
    void failsOnceWhenAiJobFailedArrivesTwice() {
        UUID commandId = pendingCommand("it-dup-failed-");
        String user = commands.findById(commandId).orElseThrow().userId();

        deliverTwice(Topics.COMMAND_EVENTS, SagaEventsMother.failed(commandId, user, "no_provider"));

        assertThat(commands.findById(commandId).orElseThrow().failureCode()).isEqualTo("no_provider");
        assertThat(saga.commandEventTypes(commandId, Duration.ofMillis(300)))
                .containsExactly("AiJobFailed", "AiJobFailed");
    }

    @Test
    void dropsItsOwnCommandRequestedUnparsed() {
        UUID commandId = pendingCommand("it-own-requested-");
        String user = commands.findById(commandId).orElseThrow().userId();
        var verdict = SagaEventsMother.failed(commandId, user, "no_provider");
        saga.publish(Topics.COMMAND_EVENTS, verdict);
        awaitApplied(verdict);
        var ownRequest = ownCommandRequested(commandId, user, verdict.id());
        double before = duplicates(verdict.type());

        // a CommandRequested carrying the id of an event the group applied: were it read, it would count as a copy
        saga.publish(Topics.COMMAND_EVENTS, ownRequest);
        saga.publish(Topics.COMMAND_EVENTS, verdict);

        // the verdict's copy, read after it on the same partition, is counted: the CommandRequested went by unread
        await().atMost(WAIT).until(() -> duplicates(verdict.type()) == before + 1);
        assertThat(duplicates(ownRequest.type())).isZero();
    }

    @Test
    void dropsTheCopyOfAnEventAppliedLatelyWithoutReadingIt() {
        UUID commandId = pendingCommand("it-dup-early-");
        String user = commands.findById(commandId).orElseThrow().userId();
        var rejected = SagaEventsMother.rejected(commandId, user, 300, 3);
        saga.publish(Topics.RESERVATION_EVENTS, rejected);
        await().atMost(WAIT).until(() -> commands.findById(commandId).orElseThrow().status() == CommandStatus.REJECTED);
        double before = duplicates(rejected.type());

        // unreadable on purpose: only the id header can make it a duplicate
        saga.publish(Topics.RESERVATION_EVENTS, rejected, "{not json");

        await().atMost(WAIT).until(() -> duplicates(rejected.type()) == before + 1);
    }

    /** Publishes the same event id twice and waits until the second copy was recognised as a duplicate. */
    private void deliverTwice(String topic, EventEnvelope<?> event) {
        double before = duplicates(event.type());
        saga.publish(topic, event);
        saga.publish(topic, event);
        await().atMost(WAIT).until(() -> duplicates(event.type()) == before + 1);
    }

    private double duplicates(String type) {
        Counter counter = meters.find("commands.events.duplicates").tag("type", type).counter();
        return counter == null ? 0 : counter.count();
    }

    /** As the outbox sends it, but with {@code id}: the id of an event the durable group applied lately. */
    private static EventEnvelope<CommandRequested> ownCommandRequested(UUID commandId, String user, UUID id) {
        var requested = new CommandRequested(commandId, user, "free", "list pods", ExecutionMode.SUGGEST, 300,
                Instant.now().plusSeconds(30), null, false, false);
        return new EventEnvelope<>(id, requested.getClass().getSimpleName(), 1, Instant.now(), user, null, requested);
    }

    private UUID pendingCommand(String userPrefix) {
        UUID commandId = UUID.randomUUID();
        commands.insert(new NewCommand(commandId, userPrefix + UUID.randomUUID(), "free", "list pods",
                ExecutionMode.SUGGEST, Instant.now(), null, null, false));
        return commandId;
    }
}

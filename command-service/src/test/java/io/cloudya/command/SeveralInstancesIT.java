package io.cloudya.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD;

import io.cloudya.command.answer.PendingAnswers;
import io.cloudya.command.store.CommandStatus;
import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.command.AiJobRequested;
import io.cloudya.contracts.command.CommandCompleted;
import io.cloudya.contracts.command.CommandFailed;
import io.cloudya.contracts.command.CommandRequested;
import io.cloudya.contracts.token.TokensReserved;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Two instances share the database, the broker and the durable group, whose single partition per topic runs each
 * saga step on one of them only (B, see {@link CommandServiceInstance}), while each HTTP request stays parked on the
 * instance it reached. Instance A is the shared {@link SagaIT} context; B is started beside it for each test.
 */
@SagaIT
class SeveralInstancesIT extends SagaITSupport {

    private static final int PER_INSTANCE = 4;

    @Autowired MeterRegistry metersOfA;

    private CommandServiceInstance b;
    private CommandApi apiOfB;

    @BeforeEach
    @Timeout(value = 45, threadMode = SEPARATE_THREAD)
    void startSecondInstance() {
        b = CommandServiceInstance.start(broker);
        apiOfB = new CommandApi(b.port());
        Listeners.awaitOwnGroupsAssigned(b.listeners());
        // otherwise the test would mostly exercise A alone, B joining the durable group while it runs
        SharedSagaGroup.awaitSettled(broker, listeners, b.listeners());
    }

    @AfterEach
    void stopSecondInstance() {
        if (b != null) {
            b.close();
        }
    }

    @Test
    @Timeout(value = 45, threadMode = SEPARATE_THREAD)
    void eachInstanceAnswersTheRequestsItHolds() throws Exception {
        assertThat(SharedSagaGroup.ownedBy(listeners)).as("A runs no saga step: only the broadcast answers it")
                .isEmpty();
        double answeredByABefore = answered(metersOfA);
        List<ParkedCommand> parked = new ArrayList<>();
        for (int i = 0; i < PER_INSTANCE; i++) {
            parked.add(ParkedCommand.post("a", api, "list pods " + i));
            parked.add(ParkedCommand.post("b", apiOfB, "list pods " + i));
        }
        List<CommandRequested> requested = parked.stream().map(p -> saga.requested(p.user(), p.input())).toList();

        // each phase for all commands before the next, so the instances' answers and saga steps interleave
        List<EventEnvelope<TokensReserved>> reserved = requested.stream().map(r -> saga.reserve(r, 300, 700))
                .toList();
        requested.forEach(r -> saga.job(Topics.AI_JOB_REQUESTS, r.commandId()));
        for (int i = 0; i < parked.size(); i++) {
            saga.publish(Topics.AI_JOB_EVENTS, SagaEventsMother.completed(requested.get(i).commandId(),
                    parked.get(i).user(), parked.get(i).answerText(), 10 + i));
        }
        requested.forEach(r -> saga.commandEvent(CommandCompleted.class, r.commandId()));
        for (int i = 0; i < parked.size(); i++) {
            saga.settle(reserved.get(i), 10 + i, 500 + i);
        }

        for (int i = 0; i < parked.size(); i++) {
            assertAnswered(parked.get(i), requested.get(i).commandId(), 10 + i, 500 + i);
        }
        assertSagaStepsRanOnce(requested);
        // an instance finishes only requests it holds: exactly its own four, each once
        assertThat(answered(metersOfA) - answeredByABefore).isEqualTo(PER_INSTANCE);
        assertThat(answered(b.bean(MeterRegistry.class))).isEqualTo(PER_INSTANCE);
        assertThat(b.bean(PendingAnswers.class).size()).isZero();
    }

    @Test
    @Timeout(value = 45, threadMode = SEPARATE_THREAD)
    void anInstanceStillAnswersItsRequestWhenAnotherInstanceStops() throws Exception {
        ParkedCommand onA = ParkedCommand.post("a", api, "show node pressure");
        CommandRequested requested = saga.requested(onA.user(), onA.input());
        UUID commandId = requested.commandId();
        var reserved = saga.reserveAndAwaitJob(requested, 300, 700);
        assertThat(SharedSagaGroup.ownedBy(b.listeners())).as("B ran the reservation step").hasSize(2);

        // the group hands the rest of the saga to A, which must still answer the request it holds
        b.close();
        saga.publish(Topics.AI_JOB_EVENTS, SagaEventsMother.completed(commandId, onA.user(), onA.answerText(), 21));
        saga.commandEvent(CommandCompleted.class, commandId);
        saga.settle(reserved, 21, 679);

        assertAnswered(onA, commandId, 21, 679);
        assertSagaStepsRanOnce(List.of(requested));
    }

    private void assertAnswered(ParkedCommand command, UUID commandId, long charged, long balanceAfter)
            throws Exception {
        HttpResponse<String> response = command.awaitResponse();
        assertThat(response.statusCode()).as("answer of %s on instance %s", commandId, command.instance())
                .isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("id").asString()).isEqualTo(commandId.toString());
        assertThat(body.get("response").asString()).isEqualTo(command.answerText());
        // the ledger's numbers of this very command: its settlement reached the same request
        assertThat(body.get("tokens_used").asLong()).isEqualTo(charged);
        assertThat(body.get("tokens_remaining").asLong()).isEqualTo(balanceAfter);
    }

    /** The durable steps ran once each, though two instances share the group that runs them. */
    private void assertSagaStepsRanOnce(List<CommandRequested> requested) {
        saga.drain(Duration.ofMillis(500));
        for (CommandRequested command : requested) {
            UUID id = command.commandId();
            assertThat(saga.probe().matching(Topics.AI_JOB_REQUESTS,
                    e -> e.payload() instanceof AiJobRequested job && job.commandId().equals(id)))
                    .as("AiJobRequested of %s", id).hasSize(1);
            assertThat(saga.commandEvents(CommandCompleted.class, id)).as("CommandCompleted of %s", id).hasSize(1);
            assertThat(saga.commandEvents(CommandFailed.class, id)).as("CommandFailed of %s", id).isEmpty();
            assertThat(commands.findById(id).orElseThrow().status()).isEqualTo(CommandStatus.COMPLETED);
        }
    }

    private static double answered(MeterRegistry meters) {
        Timer timer = meters.find("commands.answer.latency").tag("outcome", "completed").timer();
        return timer == null ? 0 : timer.count();
    }
}

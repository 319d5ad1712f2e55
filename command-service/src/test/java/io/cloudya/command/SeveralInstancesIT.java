package io.cloudya.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD;

import io.cloudya.command.answer.PendingAnswers;
import io.cloudya.command.store.CommandStatus;
import io.cloudya.contracts.command.CommandRequested;
import io.cloudya.contracts.token.HeldTokens;
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

        // every answer out before any is awaited, so the instances' saga steps and answers interleave
        for (int i = 0; i < parked.size(); i++) {
            // a different hold each, so that only this command's hold can explain its numbers
            HeldTokens held = saga.hold(requested.get(i), 300, 500 + 2L * i);
            saga.answer(requested.get(i), held, parked.get(i).answerText(), 10 + i);
        }

        for (int i = 0; i < parked.size(); i++) {
            assertAnswered(parked.get(i), requested.get(i).commandId(), 10 + i, 500 + 2L * i + 300 - (10 + i));
        }
        assertCompletedWithNothingMoreSent(requested);
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
        assertThat(SharedSagaGroup.ownedBy(b.listeners())).as("B runs the saga's steps: command.events,"
                + " ai-job.events and reservation.events").hasSize(3);

        // the group hands the rest of the saga to A, which must still answer the request it holds
        b.close();
        saga.answer(requested, saga.hold(requested, 300, 700), onA.answerText(), 21);

        assertAnswered(onA, commandId, 21, 700 + 300 - 21);
        assertCompletedWithNothingMoreSent(List.of(requested));
    }

    private void assertAnswered(ParkedCommand command, UUID commandId, long charged, long remaining)
            throws Exception {
        HttpResponse<String> response = command.awaitResponse();
        assertThat(response.statusCode()).as("answer of %s on instance %s", commandId, command.instance())
                .isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("id").asString()).isEqualTo(commandId.toString());
        assertThat(body.get("response").asString()).isEqualTo(command.answerText());
        // the numbers of this very command's hold: its answer reached the same request
        assertThat(body.get("tokens_used").asLong()).isEqualTo(charged);
        assertThat(body.get("tokens_remaining").asLong()).isEqualTo(remaining);
    }

    /** Each command COMPLETED, whichever instance ran its step; command-service sent nothing but the command. */
    private void assertCompletedWithNothingMoreSent(List<CommandRequested> requested) {
        saga.drain(Duration.ofMillis(500));
        for (CommandRequested command : requested) {
            UUID id = command.commandId();
            assertThat(saga.jobsSentFor(command.userId())).as("jobs sent by command-service").isEmpty();
            assertThat(saga.commandEventTypes(id, Duration.ZERO)).as("command.events of %s", id)
                    .containsExactly("CommandRequested", "AiJobCompleted");
            assertThat(awaitStatus(id, CommandStatus.COMPLETED).wordsUsed()).isNotNull();
        }
    }

    private static double answered(MeterRegistry meters) {
        Timer timer = meters.find("commands.answer.latency").tag("outcome", "completed").timer();
        return timer == null ? 0 : timer.count();
    }
}

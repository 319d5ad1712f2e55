package io.cloudya.command;

import static io.cloudya.command.SagaPlayer.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cloudya.command.store.CommandStatus;
import io.cloudya.command.store.StoredCommand;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.command.CommandRequested;
import io.cloudya.contracts.command.ExecutionMode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The saga's happy path: CommandRequested carries the whole job to the ledger, which hands it on to the ai-worker;
 * the answer comes back with the hold, on command.events, and the request is answered at once with the hold's numbers.
 * The ledger settles from that same answer: this service writes nothing more.
 */
@SagaIT
class CommandSagaIT extends SagaITSupport {

    @Test
    void shouldSendTheWholeJobInCommandRequestedAndAnswerWithTheNumbersOfTheHoldHandedBack() throws Exception {
        String user = "it-free-" + UUID.randomUUID();
        var pending = api.post(user, "free", "req-" + user,
                "{\"user_input\":\"list pods in namespace web\",\"execution_mode\":\"explain\"}");

        CommandRequested requested = saga.requested(user, "list pods in namespace web");
        UUID id = requested.commandId();
        StoredCommand accepted = commands.findById(id).orElseThrow();
        assertThat(accepted.status()).isEqualTo(CommandStatus.PENDING);
        assertThat(requested.executionMode()).isEqualTo(ExecutionMode.EXPLAIN);
        assertThat(requested.maxWords()).isEqualTo(300);
        assertThat(requested.deadline()).as("acceptedAt + answer-timeout (20 s)")
                .isCloseTo(accepted.createdAt().plusSeconds(20), within(1, ChronoUnit.MILLIS));
        assertThat(requested.history()).as("a one-off command has no conversation").isNull();
        assertThat(requested.stream()).as("a JSON client reads no pieces: none are to be sent").isFalse();
        assertThat(requested.priority()).as("free rides the standard lane").isFalse();
        var held = saga.hold(requested, 300, 700);

        saga.answer(requested, held, 12);

        // no ReservationSettled is ever published here: the answer does not wait for one
        HttpResponse<String> response = pending.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("id").asString()).isEqualTo(id.toString());
        assertThat(body.get("response").asString()).isEqualTo(SagaEventsMother.ANSWER);
        assertThat(body.get("execution_mode").asString()).isEqualTo("explain");
        assertThat(body.get("tokens_used").asLong()).isEqualTo(12);
        assertThat(body.get("tokens_remaining").asLong()).isEqualTo(700 + 300 - 12);
        assertThat(body.get("provider").asString()).isEqualTo("offline-kb");
        assertThat(body.get("model").asString()).isEqualTo("kb-2026.11");
        assertThat(body.has("conversation_id")).isFalse();
        JsonNode command = body.get("commands").get(0);
        assertThat(command.get("risk").asString()).isEqualTo("safe");
        assertThat(command.get("requires_confirmation").asBoolean()).isFalse();

        StoredCommand row = awaitStatus(id, CommandStatus.COMPLETED);
        assertThat(row.wordsUsed()).isEqualTo(12);
        assertThat(row.reservation()).isEqualTo(held);
        assertThat(saga.commandEventTypes(id, Duration.ofMillis(300)))
                .as("the ledger settles from the answer: no CommandCompleted of this service's own")
                .containsExactly("CommandRequested", "AiJobCompleted");
        assertThat(saga.jobsSentFor(user)).as("token-service sends the job, not command-service").isEmpty();
        assertThat(JSON.readTree(api.get(user, "/api/commands").body()).get("items").get(0).get("id").asString())
                .isEqualTo(id.toString());
        assertThat(api.get("someone-else", "/api/commands/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void shouldChargeAtMostTheHoldWhenModelWritesMore() throws Exception {
        String user = "it-cap-" + UUID.randomUUID();
        var pending = api.post(user, "starter", "req-" + user, "{\"user_input\":\"explain helm\"}");
        CommandRequested requested = saga.requested(user, "explain helm");
        assertThat(requested.maxWords()).isEqualTo(600);

        saga.answer(requested, saga.hold(requested, 600, 50), 650);

        JsonNode body = JSON.readTree(pending.get(WAIT.toSeconds(), TimeUnit.SECONDS).body());
        assertThat(body.get("tokens_used").asLong()).isEqualTo(600);
        assertThat(body.get("tokens_remaining").asLong()).isEqualTo(50);
        assertThat(awaitStatus(requested.commandId(), CommandStatus.COMPLETED).wordsUsed()).isEqualTo(600);
    }

    @Test
    void stillAnswersAVerdictOnTheLegacyAiJobEventsTopic() throws Exception {
        String user = "it-legacy-topic-" + UUID.randomUUID();
        var pending = api.post(user, "starter", "req-" + user, "{\"user_input\":\"show ingress\"}");
        CommandRequested requested = saga.requested(user, "show ingress");

        // an ai-worker not yet upgraded (rolling upgrade) still writes its verdict to ai-job.events
        saga.publish(Topics.AI_JOB_EVENTS, SagaEventsMother.completed(requested.commandId(), user,
                saga.hold(requested, 600, 900), 30));

        HttpResponse<String> response = pending.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("tokens_remaining").asLong()).isEqualTo(900 + 600 - 30);
        assertThat(awaitStatus(requested.commandId(), CommandStatus.COMPLETED).wordsUsed()).isEqualTo(30);
    }

    @Test
    void shouldAskForThePriorityLaneForPaidPlansOnly() {
        String input = "show cluster events";
        for (String plan : new String[] {"free", "starter", "pro", "enterprise"}) {
            String user = "it-lane-" + plan + "-" + UUID.randomUUID();
            api.post(user, plan, "req-" + user, "{\"user_input\":\"" + input + "\"}");

            CommandRequested requested = saga.requested(user, input);

            assertThat(requested.priority()).as("priority of %s", plan)
                    .isEqualTo(plan.equals("pro") || plan.equals("enterprise"));
            saga.reject(requested, 0);
        }
    }
}

package io.cloudya.command;

import static io.cloudya.command.SagaPlayer.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudya.command.store.CommandStatus;
import io.cloudya.command.store.StoredCommand;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.command.AiJobRequested;
import io.cloudya.contracts.command.CommandCompleted;
import io.cloudya.contracts.command.CommandRequested;
import io.cloudya.contracts.command.ExecutionMode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The saga's happy path: reserve, ask the AI, settle, answer with the ledger's numbers. */
@SagaIT
class CommandSagaIT extends SagaITSupport {

    @Test
    void shouldAskAiOnlyAfterReservationAndAnswerOnceLedgerSettledWithItsBalance() throws Exception {
        String user = "it-free-" + UUID.randomUUID();
        var pending = api.post(user, "free", "req-" + user,
                "{\"user_input\":\"list pods in namespace web\",\"execution_mode\":\"explain\"}");

        CommandRequested requested = saga.requested(user, "list pods in namespace web");
        assertThat(requested.executionMode()).isEqualTo(ExecutionMode.EXPLAIN);
        assertThat(requested.maxWords()).isEqualTo(300);
        assertThat(commands.findById(requested.commandId()).orElseThrow().status()).isEqualTo(CommandStatus.PENDING);
        var reserved = saga.reserve(requested, 300, 700);
        AiJobRequested job = saga.job(Topics.AI_JOB_REQUESTS, requested.commandId());
        assertThat(job.maxWords()).isEqualTo(300);
        assertThat(job.history()).isNull();
        assertThat(job.stream()).as("a JSON client reads no pieces: none are sent").isFalse();
        assertThat(job.deadline()).isBetween(Instant.now().plusSeconds(5), Instant.now().plusSeconds(21));
        saga.publish(Topics.AI_JOB_EVENTS, SagaEventsMother.completed(job.commandId(), user, 12));
        CommandCompleted settled = saga.commandEvent(CommandCompleted.class, job.commandId());
        saga.drain(java.time.Duration.ofMillis(300));
        assertThat(pending).as("the answer waits for the ledger's settlement").isNotDone();
        // an earlier command of the user settled after this reservation: the ledger says 897, not 700 + 300 - 12
        saga.settle(reserved, 12, 897);

        HttpResponse<String> response = pending.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("id").asString()).isEqualTo(job.commandId().toString());
        assertThat(body.get("response").asString()).isEqualTo(SagaEventsMother.ANSWER);
        assertThat(body.get("execution_mode").asString()).isEqualTo("explain");
        assertThat(body.get("tokens_used").asLong()).isEqualTo(12);
        assertThat(body.get("tokens_remaining").asLong()).isEqualTo(897);
        assertThat(body.get("provider").asString()).isEqualTo("offline-kb");
        assertThat(body.get("model").asString()).isEqualTo("kb-2026.11");
        assertThat(body.has("conversation_id")).isFalse();
        JsonNode command = body.get("commands").get(0);
        assertThat(command.get("risk").asString()).isEqualTo("safe");
        assertThat(command.get("requires_confirmation").asBoolean()).isFalse();

        assertThat(settled.wordsUsed()).isEqualTo(12);
        assertThat(settled.reservationId()).isEqualTo(reserved.payload().reservationId());
        StoredCommand row = awaitStatus(job.commandId(), CommandStatus.COMPLETED);
        assertThat(row.wordsUsed()).isEqualTo(12);
        assertThat(row.reservation().availableAfter()).isEqualTo(700);
        assertThat(JSON.readTree(api.get(user, "/api/commands").body()).get("items").get(0).get("id").asString())
                .isEqualTo(job.commandId().toString());
        assertThat(api.get("someone-else", "/api/commands/" + job.commandId()).statusCode()).isEqualTo(404);
    }

    @Test
    void shouldChargeAtMostTheReservationWhenModelWritesMore() throws Exception {
        String user = "it-cap-" + UUID.randomUUID();
        var pending = api.post(user, "starter", "req-" + user, "{\"user_input\":\"explain helm\"}");
        CommandRequested requested = saga.requested(user, "explain helm");
        var reserved = saga.reserveAndAwaitJob(requested, 600, 50);

        saga.publish(Topics.AI_JOB_EVENTS, SagaEventsMother.completed(requested.commandId(), user, 650));

        assertThat(saga.commandEvent(CommandCompleted.class, requested.commandId()).wordsUsed()).isEqualTo(600);
        saga.settle(reserved, 600, 50);
        JsonNode body = JSON.readTree(pending.get(WAIT.toSeconds(), TimeUnit.SECONDS).body());
        assertThat(body.get("tokens_used").asLong()).isEqualTo(600);
        assertThat(body.get("tokens_remaining").asLong()).isEqualTo(50);
    }
}

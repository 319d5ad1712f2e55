package io.cloudya.command;

import static io.cloudya.command.SagaPlayer.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudya.command.store.CommandRepository;
import io.cloudya.command.store.CommandStatus;
import io.cloudya.command.store.StoredCommand;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.command.AiJobRequested;
import io.cloudya.contracts.command.CommandCompleted;
import io.cloudya.contracts.command.CommandFailed;
import io.cloudya.contracts.command.CommandRequested;
import io.cloudya.contracts.command.ExecutionMode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SagaIT
class CommandSagaIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired EmbeddedKafkaBroker broker;
    @Autowired KafkaTemplate<String, String> kafka;
    @Autowired KafkaListenerEndpointRegistry listeners;
    @Autowired CommandRepository commands;

    private SagaPlayer saga;
    private CommandApi api;

    @BeforeEach
    void listenersOwnTheirPartitions() {
        Listeners.awaitAssigned(listeners);
        saga = new SagaPlayer(broker, kafka);
        api = new CommandApi(port);
    }

    @AfterEach
    void closePlayer() {
        saga.close();
    }

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
        assertThat(job.deadline()).isBetween(Instant.now().plusSeconds(5), Instant.now().plusSeconds(21));
        saga.publish(Topics.AI_JOB_EVENTS, SagaEventsMother.completed(job.commandId(), user, 12));
        CommandCompleted settled = saga.await(Topics.COMMAND_EVENTS, CommandCompleted.class,
                c -> c.commandId().equals(job.commandId()));
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
        var reserved = saga.reserve(requested, 600, 50);
        saga.job(Topics.AI_JOB_REQUESTS, requested.commandId());

        saga.publish(Topics.AI_JOB_EVENTS, SagaEventsMother.completed(requested.commandId(), user, 650));

        assertThat(saga.await(Topics.COMMAND_EVENTS, CommandCompleted.class,
                c -> c.commandId().equals(requested.commandId())).wordsUsed()).isEqualTo(600);
        saga.settle(reserved, 600, 50);
        JsonNode body = JSON.readTree(pending.get(WAIT.toSeconds(), TimeUnit.SECONDS).body());
        assertThat(body.get("tokens_used").asLong()).isEqualTo(600);
        assertThat(body.get("tokens_remaining").asLong()).isEqualTo(50);
    }

    @Test
    void shouldAnswer402WithBalanceAndTopUpWhenLedgerRejects() throws Exception {
        String user = "it-broke-" + UUID.randomUUID();
        var pending = api.post(user, "free", "req-" + user, "{\"user_input\":\"list nodes\"}");
        CommandRequested requested = saga.requested(user, "list nodes");

        saga.publish(Topics.RESERVATION_EVENTS, SagaEventsMother.rejected(requested.commandId(), user, 300, 12));

        HttpResponse<String> response = pending.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(402);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(402);
        assertThat(body.get("code").asString()).isEqualTo("insufficient_tokens");
        assertThat(body.get("balance").asLong()).isEqualTo(12);
        assertThat(body.get("message").asString()).contains("12").contains("POST /api/billing/topup")
                .contains("1,000 tokens = 1 €");
        assertThat(body.get("top_up").get("path").asString()).isEqualTo("/api/billing/topup");
        StoredCommand row = awaitStatus(requested.commandId(), CommandStatus.REJECTED);
        assertThat(row.failureCode()).isEqualTo("insufficient_tokens");
        saga.drain(java.time.Duration.ofMillis(300));
        assertThat(saga.probe().matching(Topics.AI_JOB_REQUESTS, e -> e.key().equals(user))).isEmpty();
    }

    @Test
    void shouldSendPaidPlansToPriorityLaneAndReleaseTokensWhenNoProvider() throws Exception {
        String user = "it-pro-" + UUID.randomUUID();
        var pending = api.post(user, "pro", "req-" + user, "{\"user_input\":\"destroy terraform infrastructure\"}");
        CommandRequested requested = saga.requested(user, "destroy terraform infrastructure");
        var reserved = saga.reserve(requested, 1200, 48800);

        AiJobRequested job = saga.job(Topics.AI_JOB_REQUESTS_PRIORITY, requested.commandId());
        assertThat(job.maxWords()).isEqualTo(1200);
        saga.publish(Topics.AI_JOB_EVENTS, SagaEventsMother.failed(job.commandId(), user, "no_provider"));

        HttpResponse<String> response = pending.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(response.body()).get("code").asString()).isEqualTo("no_provider");
        CommandFailed released = saga.await(Topics.COMMAND_EVENTS, CommandFailed.class,
                f -> f.commandId().equals(job.commandId()));
        assertThat(released.reason()).isEqualTo("no_provider");
        assertThat(released.reservationId()).isEqualTo(reserved.payload().reservationId());
        assertThat(awaitStatus(job.commandId(), CommandStatus.FAILED).failureCode()).isEqualTo("no_provider");
    }

    @Test
    void shouldReleaseTokensAsAiFailedWhenAiWorkerFailsOtherwise() throws Exception {
        String user = "it-fail-" + UUID.randomUUID();
        var pending = api.post(user, "starter", "req-" + user, "{\"user_input\":\"tail logs\"}");
        CommandRequested requested = saga.requested(user, "tail logs");
        saga.reserve(requested, 600, 9000);
        saga.job(Topics.AI_JOB_REQUESTS, requested.commandId());

        saga.publish(Topics.AI_JOB_EVENTS, SagaEventsMother.failed(requested.commandId(), user, "bad_output"));

        assertThat(pending.get(WAIT.toSeconds(), TimeUnit.SECONDS).statusCode()).isEqualTo(502);
        assertThat(saga.await(Topics.COMMAND_EVENTS, CommandFailed.class,
                f -> f.commandId().equals(requested.commandId())).reason()).isEqualTo("ai_failed");
    }

    private StoredCommand awaitStatus(UUID commandId, CommandStatus status) {
        return await().atMost(WAIT).until(() -> commands.findById(commandId).orElseThrow(),
                row -> row.status() == status);
    }
}

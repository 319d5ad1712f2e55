package io.cloudya.command;

import static io.cloudya.command.SagaPlayer.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudya.command.store.CommandStatus;
import io.cloudya.command.store.StoredCommand;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.command.AiJobRequested;
import io.cloudya.contracts.command.CommandFailed;
import io.cloudya.contracts.command.CommandRequested;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The saga's unhappy outcomes: the ledger rejects, or the ai-worker fails; reserved tokens are released. */
@SagaIT
class CommandSagaFailuresIT extends SagaITSupport {

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
        CommandFailed released = saga.commandEvent(CommandFailed.class, job.commandId());
        assertThat(released.reason()).isEqualTo("no_provider");
        assertThat(released.reservationId()).isEqualTo(reserved.payload().reservationId());
        assertThat(awaitStatus(job.commandId(), CommandStatus.FAILED).failureCode()).isEqualTo("no_provider");
    }

    @Test
    void shouldReleaseTokensAsAiFailedWhenAiWorkerFailsOtherwise() throws Exception {
        String user = "it-fail-" + UUID.randomUUID();
        var pending = api.post(user, "starter", "req-" + user, "{\"user_input\":\"tail logs\"}");
        CommandRequested requested = saga.requested(user, "tail logs");
        saga.reserveAndAwaitJob(requested, 600, 9000);

        saga.publish(Topics.AI_JOB_EVENTS, SagaEventsMother.failed(requested.commandId(), user, "bad_output"));

        assertThat(pending.get(WAIT.toSeconds(), TimeUnit.SECONDS).statusCode()).isEqualTo(502);
        assertThat(saga.commandEvent(CommandFailed.class, requested.commandId()).reason()).isEqualTo("ai_failed");
    }
}

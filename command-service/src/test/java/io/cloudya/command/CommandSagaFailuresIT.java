package io.cloudya.command;

import static io.cloudya.command.SagaPlayer.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudya.command.store.CommandStatus;
import io.cloudya.command.store.StoredCommand;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.command.CommandRequested;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The saga's unhappy outcomes: the ledger rejects (nothing held, nothing to release), or the ai-worker fails while
 * the command is still PENDING here; the ledger releases the hold from that same AiJobFailed, so this service
 * writes no CommandFailed.
 */
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
        assertThat(saga.commandEventTypes(requested.commandId(), Duration.ofMillis(300))).as("nothing held")
                .containsExactly("CommandRequested");
        assertThat(saga.jobsSentFor(user)).isEmpty();
    }

    @Test
    void answers503AndFailsThePriorityCommandWhenNoProviderAnswers() throws Exception {
        String user = "it-pro-" + UUID.randomUUID();
        var pending = api.post(user, "pro", "req-" + user, "{\"user_input\":\"destroy terraform infrastructure\"}");
        CommandRequested requested = saga.requested(user, "destroy terraform infrastructure");
        assertThat(requested.priority()).isTrue();
        assertThat(requested.maxWords()).isEqualTo(1200);
        assertThat(commands.findById(requested.commandId()).orElseThrow().status()).isEqualTo(CommandStatus.PENDING);

        saga.fail(requested, "no_provider");

        HttpResponse<String> response = pending.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(response.body()).get("code").asString()).isEqualTo("no_provider");
        assertThat(awaitStatus(requested.commandId(), CommandStatus.FAILED).failureCode()).isEqualTo("no_provider");
        assertThat(saga.commandEventTypes(requested.commandId(), Duration.ofMillis(300)))
                .as("the ledger releases from AiJobFailed: no CommandFailed of this service's own")
                .containsExactly("CommandRequested", "AiJobFailed");
    }

    @Test
    void answers502AiFailedWhenTheAiWorkerFailsOtherwise() throws Exception {
        String user = "it-fail-" + UUID.randomUUID();
        var pending = api.post(user, "starter", "req-" + user, "{\"user_input\":\"tail logs\"}");
        CommandRequested requested = saga.requested(user, "tail logs");

        saga.fail(requested, "bad_output");

        HttpResponse<String> response = pending.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(JSON.readTree(response.body()).get("code").asString()).isEqualTo("ai_failed");
        assertThat(awaitStatus(requested.commandId(), CommandStatus.FAILED).failureCode()).isEqualTo("bad_output");
    }

    @Test
    void shouldChangeNothingWhenTheAnswerComesAfterAFailure() throws Exception {
        String user = "it-fail-late-" + UUID.randomUUID();
        var pending = api.post(user, "starter", "req-" + user, "{\"user_input\":\"restart web\"}");
        CommandRequested requested = saga.requested(user, "restart web");
        saga.fail(requested, "bad_output");
        assertThat(pending.get(WAIT.toSeconds(), TimeUnit.SECONDS).statusCode()).isEqualTo(502);
        awaitStatus(requested.commandId(), CommandStatus.FAILED);

        var late = saga.answer(requested, saga.hold(requested, 600, 100), 9);

        awaitApplied(late);
        var row = commands.findById(requested.commandId()).orElseThrow();
        assertThat(row.status()).isEqualTo(CommandStatus.FAILED);
        assertThat(row.wordsUsed()).isNull();
        assertThat(saga.commandEventTypes(requested.commandId(), Duration.ofMillis(300)))
                .containsExactly("CommandRequested", "AiJobFailed", "AiJobCompleted");
    }
}

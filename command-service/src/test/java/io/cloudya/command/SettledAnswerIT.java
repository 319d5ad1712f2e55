package io.cloudya.command;

import static io.cloudya.command.SagaPlayer.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudya.command.store.CommandStatus;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.command.CommandRequested;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The 200 answer joins AiJobCompleted and the ledger's ReservationSettled, whichever comes first. */
@SagaIT
class SettledAnswerIT extends SagaITSupport {

    @Test
    void shouldAnswerWithSettlementThatArrivedBeforeTheAiAnswer() throws Exception {
        String user = "it-settled-first-" + UUID.randomUUID();
        var pending = api.post(user, "starter", "req-" + user, "{\"user_input\":\"show disk usage\"}");
        CommandRequested requested = saga.requested(user, "show disk usage");
        var reserved = saga.reserveAndAwaitJob(requested, 600, 2000);

        saga.settle(reserved, 9, 2777);
        saga.drain(Duration.ofMillis(200));
        assertThat(pending).as("a settlement alone does not answer").isNotDone();
        saga.publish(Topics.AI_JOB_EVENTS, SagaEventsMother.completed(requested.commandId(), user, 9));

        HttpResponse<String> response = pending.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("tokens_used").asLong()).isEqualTo(9);
        assertThat(body.get("tokens_remaining").asLong()).isEqualTo(2777);
        awaitStatus(requested.commandId(), CommandStatus.COMPLETED);
    }
}

package io.cloudya.command;

import static io.cloudya.command.SagaPlayer.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudya.command.store.CommandStatus;
import io.cloudya.contracts.command.CommandRequested;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The 200 answer's token numbers come from the hold the ai-worker hands back: {@code tokens_used} is what the ledger
 * charges for that same AiJobCompleted, {@code tokens_remaining} the balance once that is settled. The ledger's
 * ReservationSettled is not waited for, and changes nothing here.
 */
@SagaIT
class AnswerTokenNumbersIT extends SagaITSupport {

    /** Far below the 2 s the answer used to wait for a settlement that never came. */
    private static final Duration PROMPTLY = Duration.ofMillis(1500);

    @Test
    void shouldAnswerPromptlyWithTheHoldsNumbersThoughNoSettlementEverComes() throws Exception {
        String user = "it-hold-numbers-" + UUID.randomUUID();
        var pending = api.post(user, "starter", "req-" + user, "{\"user_input\":\"show disk usage\"}");
        CommandRequested requested = saga.requested(user, "show disk usage");
        var held = saga.hold(requested, 600, 2000);

        long sent = System.nanoTime();
        saga.answer(requested, held, 9);

        HttpResponse<String> response = pending.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(PROMPTLY);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("tokens_used").asLong()).isEqualTo(9);
        assertThat(body.get("tokens_remaining").asLong()).isEqualTo(2000 + 600 - 9);
        assertThat(awaitStatus(requested.commandId(), CommandStatus.COMPLETED).wordsUsed()).isEqualTo(9);
    }

    @Test
    void shouldNeitherAnswerNorChangeItsNumbersOnTheLedgersSettlement() throws Exception {
        String user = "it-settled-ignored-" + UUID.randomUUID();
        var pending = api.post(user, "starter", "req-" + user, "{\"user_input\":\"show memory usage\"}");
        CommandRequested requested = saga.requested(user, "show memory usage");
        var held = saga.hold(requested, 600, 2000);

        // another command of the user settled meanwhile: the ledger's balance differs from the hold's arithmetic
        saga.settle(requested, held, 9, 2777);
        saga.drain(Duration.ofMillis(300));
        assertThat(pending).as("a settlement does not answer").isNotDone();
        assertThat(commands.findById(requested.commandId()).orElseThrow().status()).isEqualTo(CommandStatus.PENDING);
        saga.answer(requested, held, 9);

        JsonNode body = JSON.readTree(pending.get(WAIT.toSeconds(), TimeUnit.SECONDS).body());
        assertThat(body.get("tokens_used").asLong()).isEqualTo(9);
        assertThat(body.get("tokens_remaining").asLong()).isEqualTo(2000 + 600 - 9);
        awaitStatus(requested.commandId(), CommandStatus.COMPLETED);
    }

    @Test
    void shouldChargeNothingAndGiveTheWholeHoldBackForAnEmptyAnswer() throws Exception {
        String user = "it-hold-empty-" + UUID.randomUUID();
        var pending = api.post(user, "free", "req-" + user, "{\"user_input\":\"say nothing\"}");
        CommandRequested requested = saga.requested(user, "say nothing");

        saga.answer(requested, saga.hold(requested, 300, 0), 0);

        JsonNode body = JSON.readTree(pending.get(WAIT.toSeconds(), TimeUnit.SECONDS).body());
        assertThat(body.get("tokens_used").asLong()).isZero();
        assertThat(body.get("tokens_remaining").asLong()).isEqualTo(300);
        assertThat(awaitStatus(requested.commandId(), CommandStatus.COMPLETED).wordsUsed()).isZero();
    }
}

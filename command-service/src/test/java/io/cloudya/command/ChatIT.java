package io.cloudya.command;

import static io.cloudya.command.SagaPlayer.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudya.command.store.CommandStatus;
import io.cloudya.contracts.command.ChatTurn;
import io.cloudya.contracts.command.CommandRequested;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Chat runs the command saga per message: CommandRequested carries the conversation so far, which token-service
 * hands on to the ai-worker with the job. SagaIT sets the history budget to 4 messages.
 */
@SagaIT
class ChatIT extends SagaITSupport {

    private record Exchange(JsonNode answer, CommandRequested requested) {
    }

    @Test
    void shouldContinueConversationWithItsHistoryAndKeepItPrivate() throws Exception {
        String user = "it-chat-" + UUID.randomUUID();
        Exchange first = exchange(user, null, "which pods are failing?", "kubectl get pods -A | grep -v Running");
        String conversation = first.answer().get("conversation_id").asString();
        assertThat(first.requested().history()).isEmpty();
        assertThat(first.answer().get("tokens_remaining").asLong()).isEqualTo(5000 + 600 - 7);

        Exchange second = exchange(user, conversation, "only in namespace web", "kubectl get pods -n web");

        assertThat(second.answer().get("conversation_id").asString()).isEqualTo(conversation);
        assertThat(second.requested().history()).containsExactly(
                new ChatTurn("user", "which pods are failing?"),
                new ChatTurn("assistant", "kubectl get pods -A | grep -v Running"));
        JsonNode thread = JSON.readTree(api.get(user, "/api/chat/" + conversation).body());
        assertThat(thread.get("title").asString()).isEqualTo("which pods are failing?");
        assertThat(thread.get("messages")).hasSize(4);
        assertThat(thread.get("messages").get(3).get("role").asString()).isEqualTo("assistant");
        assertThat(thread.get("messages").get(3).get("content").asString()).isEqualTo("kubectl get pods -n web");
        JsonNode list = JSON.readTree(api.get(user, "/api/chat").body());
        assertThat(list.get("total").asLong()).isEqualTo(1);
        assertThat(list.get("items").get(0).get("conversation_id").asString()).isEqualTo(conversation);

        String intruder = "it-chat-intruder-" + UUID.randomUUID();
        assertThat(api.get(intruder, "/api/chat/" + conversation).statusCode()).isEqualTo(404);
        var hijack = api.chat(intruder, "pro", "{\"conversation_id\":\"" + conversation + "\",\"message\":\"hi\"}")
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(hijack.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(hijack.body()).get("code").asString()).isEqualTo("conversation_not_found");
        assertThat(JSON.readTree(api.get(intruder, "/api/chat").body()).get("total").asLong()).isZero();
    }

    @Test
    void shouldTrimLongConversationToNewestMessagesWithinBudget() throws Exception {
        String user = "it-chat-long-" + UUID.randomUUID();
        String conversation = exchange(user, null, "q1", "a1").answer().get("conversation_id").asString();
        exchange(user, conversation, "q2", "a2");
        exchange(user, conversation, "q3", "a3");

        Exchange fourth = exchange(user, conversation, "q4", "a4");

        assertThat(fourth.requested().history()).containsExactly(new ChatTurn("user", "q2"),
                new ChatTurn("assistant", "a2"), new ChatTurn("user", "q3"), new ChatTurn("assistant", "a3"));
    }

    private Exchange exchange(String user, String conversation, String message, String reply) throws Exception {
        String body = conversation == null ? "{\"message\":\"" + message + "\"}"
                : "{\"conversation_id\":\"" + conversation + "\",\"message\":\"" + message + "\"}";
        var response = api.chat(user, "starter", body);
        CommandRequested requested = saga.requested(user, message);
        assertThat(requested.history()).as("a chat message always carries its conversation").isNotNull();
        saga.answer(requested, saga.hold(requested, 600, 5000), reply, 7);
        // the reply joins the conversation in the same transaction as the row's COMPLETED
        awaitStatus(requested.commandId(), CommandStatus.COMPLETED);
        var answer = response.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return new Exchange(JSON.readTree(answer.body()), requested);
    }
}

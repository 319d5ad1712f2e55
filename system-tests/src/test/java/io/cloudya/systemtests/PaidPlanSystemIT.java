package io.cloudya.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A Free user subscribes to Pro (Stripe's first paid invoice arrives as a signed webhook): the ledger grants the
 * Pro allowance, the plan reaches the user's credentials, and Pro's features open: execution mode and chat.
 */
class PaidPlanSystemIT {

    private static Gateway pro;

    @BeforeAll
    static void subscribeToPro() {
        Gateway gateway = new Gateway(RunningSuite.gateway());
        var user = Accounts.newUser(gateway);
        Subscriptions.subscribe(gateway, user, "pro");
        pro = gateway.as(user.apiKey());
    }

    @Test
    void proAllowanceIsGranted() {
        JsonNode balance = pro.get("/api/tokens/balance").body();

        assertThat(balance.get("buckets").get("allowance").asLong()).isEqualTo(50_000);
    }

    @Test
    void executionModeMarksOnlySafeCommandsRunnableWithoutConfirmation() {
        var reply = pro.postJson("/api/command",
                "{\"user_input\": \"list pods in namespace web\", \"execution_mode\": \"execute\"}");

        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        assertThat(reply.body().get("execution_mode").asString()).isEqualTo("execute");
        assertThat(reply.body().get("commands")).isNotEmpty();
        for (JsonNode command : reply.body().get("commands")) {
            boolean safe = "safe".equals(command.get("risk").asString());
            assertThat(command.get("requires_confirmation").asBoolean()).isEqualTo(!safe);
        }
    }

    @Test
    void dangerousRequestIsFlaggedAndNeverRunnableUnconfirmed() {
        var reply = pro.postJson("/api/command",
                "{\"user_input\": \"destroy the terraform infrastructure\", \"execution_mode\": \"execute\"}");

        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        assertThat(reply.body().get("commands").toString()).contains("dangerous");
        for (JsonNode command : reply.body().get("commands")) {
            if ("dangerous".equals(command.get("risk").asString())) {
                assertThat(command.get("requires_confirmation").asBoolean()).isTrue();
            }
        }
    }

    @Test
    void chatKeepsTheConversation() {
        var first = pro.postJson("/api/chat", "{\"message\": \"list pods in namespace web\"}");
        assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
        String conversation = first.body().get("conversation_id").asString();

        var second = pro.postJson("/api/chat",
                "{\"conversation_id\": \"" + conversation + "\", \"message\": \"show the pod logs\"}");

        assertThat(second.status()).as(second.body().toString()).isEqualTo(200);
        assertThat(pro.get("/api/chat/" + conversation).body().get("messages")).hasSize(4);
    }
}

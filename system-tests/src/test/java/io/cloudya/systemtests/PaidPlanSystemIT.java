package io.cloudya.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
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
        String invoice = StripeWebhooks.firstSubscriptionInvoice(user.id(), "pro");
        var delivered = gateway.postJson("/api/billing/webhook", invoice,
                "Stripe-Signature", StripeWebhooks.signature(invoice, StripeWebhooks.SECRET));
        assertThat(delivered.status()).as(delivered.body().toString()).isEqualTo(200);
        pro = gateway.as(user.apiKey());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode balance = pro.get("/api/tokens/balance").body();
            assertThat(balance.get("plan").asString()).isEqualTo("pro");
            assertThat(pro.get("/api/auth/me").body().get("plan").asString()).isEqualTo("pro");
        });
        // The gateway caches an API key's verdict (plan included) for a few seconds.
        await().atMost(Duration.ofSeconds(15)).until(() -> pro.postJson("/api/command",
                "{\"user_input\": \"list pods\", \"execution_mode\": \"execute\"}").status() == 200);
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

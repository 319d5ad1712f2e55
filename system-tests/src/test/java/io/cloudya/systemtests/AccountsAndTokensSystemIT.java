package io.cloudya.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Identity and money through the gateway: who may see what, and how bought tokens arrive. */
class AccountsAndTokensSystemIT {

    private final Gateway gateway = new Gateway(RunningSuite.gateway());

    @Test
    void refusesACallWithoutCredentials() {
        var reply = gateway.postJson("/api/command", "{\"user_input\": \"list pods\"}");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.body().get("code").asString()).isEqualTo("unauthenticated");
    }

    @Test
    void newAccountStartsOnFreeWithItsThousandTokens() {
        var user = Accounts.newUser(gateway);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            var balance = gateway.as(user.apiKey()).get("/api/tokens/balance");
            assertThat(balance.status()).isEqualTo(200);
            assertThat(balance.body().get("plan").asString()).isEqualTo("free");
            assertThat(balance.body().get("available").asLong()).isEqualTo(1000);
        });
    }

    @Test
    void userCanNeverReadAnotherUsersCommand() {
        var alice = gateway.as(Accounts.newUser(gateway).apiKey());
        var bob = gateway.as(Accounts.newUser(gateway).apiKey());
        String aliceCommand = alice.postJson("/api/command", "{\"user_input\": \"list pods\"}")
                .body().get("id").asString();

        var spoofed = bob.postJson("/api/command", "{\"user_input\": \"list pods\"}", "X-User-Id", "someone-else");

        assertThat(bob.get("/api/commands/" + aliceCommand).status()).isEqualTo(404);
        assertThat(bob.get("/api/commands").body().toString()).doesNotContain(aliceCommand);
        assertThat(spoofed.status()).isEqualTo(200);
        assertThat(alice.get("/api/commands/" + spoofed.body().get("id").asString()).status()).isEqualTo(404);
    }

    @Test
    void balanceAndLedgerHistoryShowOnlyTheCallersOwnTokensWhateverIdentityHeaderIsSent() {
        var alice = Accounts.newUser(gateway);
        var bob = gateway.as(Accounts.newUser(gateway).apiKey());
        StripeWebhooks.deliver(gateway, StripeWebhooks.paidTopUp(alice.id(), 5_000));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(gateway.as(alice.apiKey())
                .get("/api/tokens/history").body().toString()).contains("\"code\":\"purchase\""));
        var bobsOwnHistory = await().atMost(Duration.ofSeconds(15))
                .until(() -> bob.get("/api/tokens/history"), reply -> reply.status() == 200).body();

        for (String header : new String[] {"X-User-Id", "x-user-id"}) {
            var balance = bob.get("/api/tokens/balance", header, alice.id());
            var history = bob.get("/api/tokens/history", header, alice.id());

            assertThat(balance.body().get("buckets").get("purchased").asLong()).isZero();
            assertThat(balance.body().get("available").asLong()).isEqualTo(1000);
            assertThat(history.body().toString()).doesNotContain("\"code\":\"purchase\"");
            assertThat(history.body().get("total").asLong()).isEqualTo(bobsOwnHistory.get("total").asLong());
        }
    }

    @Test
    void anotherUsersConversationAnswersNotFoundEvenToASpoofedIdentity() {
        var aliceUser = Accounts.newUser(gateway);
        var bobUser = Accounts.newUser(gateway);
        Subscriptions.subscribe(gateway, aliceUser, "starter");
        Subscriptions.subscribe(gateway, bobUser, "starter");
        var alice = gateway.as(aliceUser.apiKey());
        var bob = gateway.as(bobUser.apiKey());
        var chat = alice.postJson("/api/chat", "{\"message\": \"list pods in namespace web\"}");
        assertThat(chat.status()).as(chat.body().toString()).isEqualTo(200);
        String conversation = chat.body().get("conversation_id").asString();

        var read = bob.get("/api/chat/" + conversation);
        var spoofedRead = bob.get("/api/chat/" + conversation, "X-User-Id", aliceUser.id());
        var postedInto = bob.postJson("/api/chat",
                "{\"conversation_id\": \"" + conversation + "\", \"message\": \"show the pod logs\"}");

        assertThat(read.status()).isEqualTo(404);
        assertThat(read.body().get("code").asString()).isEqualTo("conversation_not_found");
        assertThat(spoofedRead.status()).isEqualTo(404);
        assertThat(postedInto.status()).isEqualTo(404);
        assertThat(bob.get("/api/chat").body().toString()).doesNotContain(conversation);
        assertThat(alice.get("/api/chat/" + conversation).body().get("messages")).hasSize(2);
    }

    @Test
    void clientSuppliedPlanHeaderUnlocksNothing() {
        var free = gateway.as(Accounts.newUser(gateway).apiKey());

        var execute = free.postJson("/api/command", "{\"user_input\": \"ls\", \"execution_mode\": \"execute\"}",
                "X-User-Plan", "enterprise");
        var chat = free.postJson("/api/chat", "{\"message\": \"list pods\"}", "X-User-Plan", "enterprise");

        assertThat(execute.status()).isEqualTo(403);
        assertThat(execute.body().get("code").asString()).isEqualTo("plan_required");
        assertThat(chat.status()).isEqualTo(403);
        assertThat(chat.body().get("code").asString()).isEqualTo("plan_required");
    }

    @Test
    void paidTopUpWebhookAddsBoughtTokens() {
        var user = Accounts.newUser(gateway);
        String payload = StripeWebhooks.paidTopUp(user.id(), 5_000);

        StripeWebhooks.deliver(gateway, payload);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                gateway.as(user.apiKey()).get("/api/tokens/balance").body().get("buckets").get("purchased").asLong())
                .isEqualTo(5_000));
    }

    @Test
    void forgedWebhookIsRejected() {
        String payload = StripeWebhooks.paidTopUp("whoever", 1_000_000);

        var delivered = gateway.postJson("/api/billing/webhook", payload,
                "Stripe-Signature", StripeWebhooks.signature(payload, "whsec_guessed"));

        assertThat(delivered.status()).isEqualTo(400);
        assertThat(delivered.body().get("code").asString()).isEqualTo("invalid_signature");
    }
}

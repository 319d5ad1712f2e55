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
    void paidTopUpWebhookAddsBoughtTokens() {
        var user = Accounts.newUser(gateway);
        String payload = StripeWebhooks.paidTopUp(user.id(), 5_000);

        var delivered = gateway.postJson("/api/billing/webhook", payload,
                "Stripe-Signature", StripeWebhooks.signature(payload, StripeWebhooks.SECRET));

        assertThat(delivered.status()).as(delivered.body().toString()).isEqualTo(200);
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

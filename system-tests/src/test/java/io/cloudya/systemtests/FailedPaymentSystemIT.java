package io.cloudya.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Dunning through the whole suite (issue 6): a renewal charge fails, and while Stripe retries the account keeps its
 * plan; once Stripe gives up (the subscription turns unpaid, or Stripe deletes it) the account is Free everywhere:
 * credentials, the gateway's verdict, billing's view and, once the paid period is over, the ledger.
 */
class FailedPaymentSystemIT {

    private static final String CHAT = "{\"message\": \"list pods in namespace web\"}";

    private final Gateway gateway = new Gateway(RunningSuite.gateway());

    @ParameterizedTest(name = "Stripe gives up with: {0}")
    @ValueSource(strings = {"subscription unpaid", "subscription deleted"})
    void failedRenewalKeepsThePlanThroughGraceThenFallsBackToFree(String stripeGivesUp) {
        var user = Accounts.newUser(gateway);
        // The paid period ends a few seconds from now, so the ledger's own period end passes during the test
        Instant renewal = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(15);
        Instant start = renewal.minus(Duration.ofDays(30));
        Instant nextEnd = renewal.plus(Duration.ofDays(30));
        var subscription = Subscriptions.subscribe(gateway, user, "starter", start, renewal);
        Gateway holder = gateway.as(user.apiKey());

        StripeWebhooks.deliver(gateway, subscription.failedRenewal(renewal, nextEnd, Instant.now()));
        StripeWebhooks.deliver(gateway, subscription.updated("past_due", renewal, nextEnd, Instant.now()));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode billing = holder.get("/api/billing/subscription").body();
            assertThat(billing.get("status").asString()).isEqualTo("past_due");
            assertThat(billing.path("past_due_since").isString()).as(billing.toString()).isTrue();
        });
        assertThat(holder.get("/api/billing/subscription").body().get("plan").asString()).isEqualTo("starter");
        assertThat(holder.get("/api/auth/me").body().get("plan").asString()).isEqualTo("starter");
        assertThat(holder.get("/api/tokens/balance").body().get("plan").asString()).isEqualTo("starter");
        var chatDuringGrace = holder.postJson("/api/chat", CHAT);
        assertThat(chatDuringGrace.status()).as(chatDuringGrace.body().toString()).isEqualTo(200);

        StripeWebhooks.deliver(gateway, stripeGivesUp.endsWith("unpaid")
                ? subscription.updated("unpaid", renewal, nextEnd, Instant.now())
                : subscription.deletedAfterFailedPayments(renewal, nextEnd, Instant.now()));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(holder.get("/api/auth/me").body().get("plan").asString()).isEqualTo("free");
            JsonNode billing = holder.get("/api/billing/subscription").body();
            assertThat(billing.get("plan").asString()).as(billing.toString()).isEqualTo("free");
            assertThat(billing.get("status").asString()).isEqualTo("none");
            assertThat(billing.path("next_invoice").isObject()).as(billing.toString()).isFalse();
        });
        // the gateway re-reads the plan once its API-key cache (5 s) expires: chat is Starter's, not Free's
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            var chat = holder.postJson("/api/chat", CHAT);
            assertThat(chat.status()).as(chat.body().toString()).isEqualTo(403);
            assertThat(chat.body().get("required_plan").asString()).isEqualTo("starter");
        });
        // the ledger switches at the end of the period already paid for (RunningSuite refills every 2 s)
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> {
            JsonNode balance = holder.get("/api/tokens/balance").body();
            assertThat(balance.get("plan").asString()).as(balance.toString()).isEqualTo("free");
            assertThat(balance.get("buckets").get("allowance").asLong()).isEqualTo(1_000);
            assertThat(balance.path("pending_plan").isString()).as(balance.toString()).isFalse();
            // what was left of the paid period carries over by the usual rule: at most 20 % of Starter's 10,000
            assertThat(balance.get("buckets").get("rolled_over").asLong()).isBetween(0L, 2_000L);
        });
    }
}

package io.cloudya.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A renewal through the whole suite (issue 6): Stripe's invoice.paid for the next period reaches billing as a signed
 * webhook, billing announces the renewal, and the ledger starts the period: unspent plan tokens carry over up to
 * 20 % of the allowance, the rest expires, the allowance is granted again, and bought tokens are left alone.
 */
class SubscriptionRenewalSystemIT {

    private static final long STARTER_ALLOWANCE = 10_000;
    private static final long ROLLOVER_CAP = STARTER_ALLOWANCE / 5;
    private static final long BOUGHT = 5_000;

    private final Gateway gateway = new Gateway(RunningSuite.gateway());

    @Test
    void renewalGrantsTheAllowanceAgainPlusUnspentTokensCappedAtTwentyPercent() {
        var user = Accounts.newUser(gateway);
        // Stripe's periods are whole seconds
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant renewal = start.plus(Duration.ofDays(30));
        var subscription = Subscriptions.subscribe(gateway, user, "starter", start, renewal);
        Gateway starter = gateway.as(user.apiKey());
        StripeWebhooks.deliver(gateway, StripeWebhooks.paidTopUp(user.id(), BOUGHT));
        for (String input : List.of("list pods in namespace web", "show terraform plan")) {
            var spent = starter.postJson("/api/command", "{\"user_input\": \"" + input + "\"}");
            assertThat(spent.status()).as(spent.body().toString()).isEqualTo(200);
        }
        JsonNode before = await().atMost(Duration.ofSeconds(15)).until(() -> starter.get("/api/tokens/balance").body(),
                b -> b.get("buckets").get("purchased").asLong() == BOUGHT
                        && b.get("buckets").get("reserved").asLong() == 0);
        long unspentPlanTokens = before.get("buckets").get("rolled_over").asLong()
                + before.get("buckets").get("allowance").asLong();
        assertThat(unspentPlanTokens).as("tokens were spent, and more are left than the cap")
                .isLessThan(STARTER_ALLOWANCE + 200).isGreaterThan(ROLLOVER_CAP);

        Instant nextEnd = renewal.plus(Duration.ofDays(30));
        StripeWebhooks.deliver(gateway,
                subscription.paidInvoice("subscription_cycle", renewal, nextEnd, Instant.now()));

        JsonNode after = await().atMost(Duration.ofSeconds(30)).until(() -> starter.get("/api/tokens/balance").body(),
                b -> instant(b.get("period_start")).equals(renewal));
        assertThat(after.get("plan").asString()).isEqualTo("starter");
        assertThat(instant(after.get("period_end"))).isEqualTo(nextEnd);
        assertThat(after.get("buckets").get("allowance").asLong()).isEqualTo(STARTER_ALLOWANCE);
        assertThat(after.get("buckets").get("rolled_over").asLong()).isEqualTo(ROLLOVER_CAP);
        assertThat(after.get("buckets").get("purchased").asLong()).isEqualTo(BOUGHT);
        assertThat(after.get("available").asLong()).isEqualTo(STARTER_ALLOWANCE + ROLLOVER_CAP + BOUGHT);
        assertThat(renewalEntry(starter, "grant").get("amount").asLong()).isEqualTo(STARTER_ALLOWANCE);
        assertThat(renewalEntry(starter, "rollover").get("amount").asLong()).isEqualTo(ROLLOVER_CAP);
        assertThat(renewalEntry(starter, "expire").get("amount").asLong()).isEqualTo(unspentPlanTokens - ROLLOVER_CAP);
    }

    /** Stripe redelivers an event, and may send a second invoice event for a period already paid. */
    @Test
    void renewalOfAnAlreadyRenewedPeriodGrantsNothingMore() {
        var user = Accounts.newUser(gateway);
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant renewal = start.plus(Duration.ofDays(30));
        Instant nextEnd = renewal.plus(Duration.ofDays(30));
        var subscription = Subscriptions.subscribe(gateway, user, "starter", start, renewal);
        Gateway starter = gateway.as(user.apiKey());
        String invoice = subscription.paidInvoice("subscription_cycle", renewal, nextEnd, Instant.now());
        StripeWebhooks.deliver(gateway, invoice);
        JsonNode renewed = await().atMost(Duration.ofSeconds(30)).until(() -> starter.get("/api/tokens/balance").body(),
                b -> instant(b.get("period_start")).equals(renewal));
        long historySize = starter.get("/api/tokens/history").body().get("total").asLong();

        StripeWebhooks.deliver(gateway, invoice);
        StripeWebhooks.deliver(gateway,
                subscription.paidInvoice("subscription_cycle", renewal, nextEnd, Instant.now()));
        // nothing to wait for when nothing happens: give the events time to travel the outbox, as the renewal did
        Subscriptions.pause(Duration.ofSeconds(5));

        assertThat(starter.get("/api/tokens/balance").body()).isEqualTo(renewed);
        assertThat(starter.get("/api/tokens/history").body().get("total").asLong()).isEqualTo(historySize);
    }

    /** The ledger entry of the renewal (its ref names the invoice) with the given code. */
    private static JsonNode renewalEntry(Gateway user, String code) {
        JsonNode items = user.get("/api/tokens/history?size=100").body().get("items");
        return StreamSupport.stream(items.spliterator(), false)
                .filter(e -> code.equals(e.get("code").asString()) && e.get("ref").asString().startsWith("invoice:"))
                .findFirst().orElseThrow(() -> new AssertionError("no renewal " + code + " entry in " + items));
    }

    /** Instants on the wire are ISO-8601 strings; epoch seconds are accepted too so the test fails on value only. */
    private static Instant instant(JsonNode node) {
        return node.isNumber() ? Instant.ofEpochMilli(Math.round(node.asDouble() * 1000))
                : Instant.parse(node.asString());
    }
}

package io.cloudya.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

/**
 * Puts a user on a paid plan the way production does: Stripe's first paid invoice arrives as a signed webhook, and
 * the plan then travels through the outbox to the ledger, to auth-service and (once its cache expires) the gateway.
 */
final class Subscriptions {

    /** Slightly more than the gateway's API-key cache (API_KEY_CACHE_TTL, 5 s), which holds the plan it attests. */
    private static final Duration GATEWAY_KEY_CACHE = Duration.ofMillis(5_500);

    private Subscriptions() {
    }

    /** A 30-day first period starting now. */
    static StripeSubscription subscribe(Gateway gateway, Accounts.User user, String plan) {
        Instant now = Instant.now();
        return subscribe(gateway, user, plan, now, now.plus(Duration.ofDays(30)));
    }

    /** A first period with the given bounds; returns once every part of the suite treats the user as {@code plan}. */
    static StripeSubscription subscribe(Gateway gateway, Accounts.User user, String plan, Instant start, Instant end) {
        StripeSubscription subscription = StripeSubscription.open(user.id(), plan);
        StripeWebhooks.deliver(gateway, subscription.paidInvoice("subscription_create", start, end, Instant.now()));
        Gateway holder = gateway.as(user.apiKey());
        await().ignoreExceptions().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(holder.get("/api/tokens/balance").body().get("plan").asString()).isEqualTo(plan);
            assertThat(holder.get("/api/auth/me").body().get("plan").asString()).isEqualTo(plan);
        });
        pause(GATEWAY_KEY_CACHE);
        return subscription;
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

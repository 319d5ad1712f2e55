package io.cloudya.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Builds Stripe webhook deliveries signed with Stripe's real scheme (HMAC-SHA256 over "timestamp.payload"). */
final class StripeWebhooks {

    /** The suite under test is started with this secret (see RunningSuite). */
    static final String SECRET = "whsec_cloudya_system_tests";

    private StripeWebhooks() {
    }

    /** A paid top-up Checkout Session for {@code tokens} tokens (1,000 tokens = 1 €). */
    static String paidTopUp(String userId, long tokens) {
        String session = "cs_sys_" + UUID.randomUUID().toString().replace("-", "");
        String object = """
                {"id":"%s","object":"checkout.session","mode":"payment","payment_status":"paid","status":"complete",
                 "customer":null,"amount_total":%d,"currency":"eur",
                 "metadata":{"userId":"%s","kind":"topup","tokens":"%d"}}""".formatted(session, tokens / 10, userId, tokens);
        return event("checkout.session.completed", object, Instant.now());
    }

    /** The first paid invoice of a new subscription, as Stripe sends it (subscription metadata carried over). */
    static String firstSubscriptionInvoice(String userId, String plan) {
        Instant now = Instant.now();
        return StripeSubscription.open(userId, plan)
                .paidInvoice("subscription_create", now, now.plus(Duration.ofDays(30)), now);
    }

    /** Delivers a correctly signed event through the gateway's public webhook path and expects Stripe's 200. */
    static void deliver(Gateway gateway, String payload) {
        var delivered = gateway.postJson("/api/billing/webhook", payload,
                "Stripe-Signature", signature(payload, SECRET));
        assertThat(delivered.status()).as(delivered.body().toString()).isEqualTo(200);
    }

    static String event(String type, String object, Instant created) {
        return """
                {"id":"evt_%s","object":"event","api_version":"2026-07-29.dahlia","created":%d,"livemode":false,
                 "type":"%s","data":{"object":%s}}"""
                .formatted(UUID.randomUUID().toString().replace("-", ""), created.getEpochSecond(), type, object);
    }

    static String signature(String payload, String secret) {
        long timestamp = System.currentTimeMillis() / 1000;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

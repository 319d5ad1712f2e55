package io.cloudya.systemtests;

import java.nio.charset.StandardCharsets;
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
        return """
                {"id":"evt_%s","object":"event","api_version":"2026-07-29.dahlia","created":%d,"livemode":false,
                 "type":"checkout.session.completed","data":{"object":%s}}"""
                .formatted(UUID.randomUUID().toString().replace("-", ""), System.currentTimeMillis() / 1000, object);
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

package io.cloudya.billing.support;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Stripe's real webhook signature scheme: v1 = hex(HMAC-SHA256(secret, "t.payload")), header "t=…,v1=…". */
public final class StripeSignatures {

    public static final String SECRET = "whsec_test_secret";

    private StripeSignatures() {
    }

    public static String header(String payload, long timestampSeconds, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signature = mac.doFinal((timestampSeconds + "." + payload).getBytes(StandardCharsets.UTF_8));
            return "t=" + timestampSeconds + ",v1=" + HexFormat.of().formatHex(signature);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String header(String payload) {
        return header(payload, System.currentTimeMillis() / 1000, SECRET);
    }
}

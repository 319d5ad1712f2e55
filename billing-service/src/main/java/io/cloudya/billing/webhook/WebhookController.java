package io.cloudya.billing.webhook;

import com.stripe.model.Event;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/billing/webhook}, public at the gateway: the signature is the only authentication.
 * Forged or stale → 400 and nothing stored; duplicates and unknown types → 200 so Stripe stops resending.
 */
@RestController
class WebhookController {

    private final WebhookVerifier verifier;
    private final ProcessWebhookHandler processor;
    private final WebhookMeters meters;

    WebhookController(WebhookVerifier verifier, ProcessWebhookHandler processor, WebhookMeters meters) {
        this.verifier = verifier;
        this.processor = processor;
        this.meters = meters;
    }

    @PostMapping("/api/billing/webhook")
    Map<String, Object> receive(@RequestBody byte[] body,
                                @RequestHeader(value = "Stripe-Signature", required = false) String signature) {
        // the signature covers the exact bytes; decode them ourselves rather than trusting a charset header
        String payload = new String(body, StandardCharsets.UTF_8);
        Event event;
        try {
            event = verifier.verify(payload, signature);
        } catch (RuntimeException e) {
            meters.rejected();
            throw e;
        }
        WebhookEvent verified = WebhookEvent.of(event);
        WebhookOutcome outcome = processor.process(verified, payload);
        meters.count(verified.type(), outcome);
        return Map.of("received", true, "outcome", outcome.wireName());
    }
}

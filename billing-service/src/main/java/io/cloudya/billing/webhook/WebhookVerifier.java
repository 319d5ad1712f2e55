package io.cloudya.billing.webhook;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import io.cloudya.billing.api.ApiException;
import io.cloudya.billing.config.StripeProperties;
import java.time.Clock;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Checks Stripe-Signature (HMAC-SHA256 over "t.payload", within the tolerance window) with stripe-java. */
@Component
class WebhookVerifier {

    private final StripeProperties properties;
    private final Clock clock;

    WebhookVerifier(StripeProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    Event verify(String payload, String signatureHeader) {
        String secret = properties.webhookSecret();
        if (secret == null || secret.isBlank() || signatureHeader == null || signatureHeader.isBlank()) {
            throw invalid();
        }
        try {
            return Webhook.constructEvent(payload, signatureHeader, secret,
                    properties.webhookTolerance().toSeconds(), clock);
        } catch (SignatureVerificationException e) {
            throw invalid();
        } catch (RuntimeException e) {
            // signed by someone holding our secret, yet not an event: refuse, never store
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid_payload", "The webhook body is not a Stripe event.");
        }
    }

    private static ApiException invalid() {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid_signature",
                "The Stripe-Signature header is missing, forged or outside the tolerance window.");
    }
}

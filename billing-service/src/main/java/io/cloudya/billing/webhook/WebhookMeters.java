package io.cloudya.billing.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code billing.webhooks{type, outcome}}: every Stripe delivery by what became of it (processed, duplicate,
 * ignored, or rejected for its signature). Every accepted one answers 200, so the HTTP metrics cannot tell them
 * apart; a rise in rejected means a wrong secret or a forger, a rise in ignored a Stripe type nobody handles.
 */
@Component
class WebhookMeters {

    /** A rejected delivery's type is unverified text, so it is not used as a tag. */
    static final String UNVERIFIED = "unverified";

    private final MeterRegistry meters;

    WebhookMeters(MeterRegistry meters) {
        this.meters = meters;
    }

    void count(String type, WebhookOutcome outcome) {
        counter(type, outcome.wireName()).increment();
    }

    void rejected() {
        counter(UNVERIFIED, "rejected").increment();
    }

    private Counter counter(String type, String outcome) {
        return Counter.builder("billing.webhooks")
                .description("Stripe webhook deliveries by event type and outcome")
                .tag("type", type)
                .tag("outcome", outcome)
                .register(meters);
    }
}

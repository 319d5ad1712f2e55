package io.cloudya.billing.webhook;

import java.util.Set;

/**
 * Acts on one kind of verified, first-time Stripe event. Runs inside the transaction that stored the event,
 * so an exception rolls both back and Stripe's redelivery gets a clean second chance.
 */
public interface StripeEventHandler {

    Set<String> types();

    void handle(WebhookEvent event);
}

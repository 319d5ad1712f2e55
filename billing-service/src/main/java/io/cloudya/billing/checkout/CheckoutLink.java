package io.cloudya.billing.checkout;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where to send the user: a Stripe-hosted page (Checkout or Customer Portal) and its session id. Named on the wire
 * like every other Cloudya HTTP API (snake_case) per field, not by a global naming strategy, which would also
 * rename the contracts' Kafka event JSON this service writes.
 */
public record CheckoutLink(String url, @JsonProperty("session_id") String sessionId) {
}

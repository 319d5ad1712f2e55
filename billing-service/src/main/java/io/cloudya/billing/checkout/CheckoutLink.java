package io.cloudya.billing.checkout;

/** Where to send the user: a Stripe-hosted page (Checkout or Customer Portal) and its session id. */
public record CheckoutLink(String url, String sessionId) {
}

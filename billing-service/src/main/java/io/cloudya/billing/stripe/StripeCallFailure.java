package io.cloudya.billing.stripe;

/**
 * Carries a failed Stripe call through Resilience4j's unchecked decorators: a StripeException, or a runtime
 * failure inside stripe-java itself (it throws NullPointerException on a 5xx without a JSON body, as a proxy
 * in front of Stripe may send).
 */
final class StripeCallFailure extends RuntimeException {

    StripeCallFailure(Exception cause) {
        super(cause);
    }
}

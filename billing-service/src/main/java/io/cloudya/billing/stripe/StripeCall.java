package io.cloudya.billing.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.net.RequestOptions;

/** One Stripe API request; the gateway supplies the client and the options carrying the Idempotency-Key. */
@FunctionalInterface
public interface StripeCall<T> {

    T call(StripeClient client, RequestOptions options) throws StripeException;
}

package io.cloudya.billing.subscription;

import com.stripe.model.Subscription;

/** Why a subscription ended, in the words of SubscriptionCanceled: {@code canceled} or {@code payment_failed}. */
final class SubscriptionReasons {

    private SubscriptionReasons() {
    }

    static String of(Subscription s) {
        if ("unpaid".equals(s.getStatus()) || "incomplete_expired".equals(s.getStatus())) {
            return SubscriptionEnding.PAYMENT_FAILED;
        }
        var details = s.getCancellationDetails();
        // Stripe sets reason=payment_failed when its retry schedule ends by canceling the subscription
        return details != null && "payment_failed".equals(details.getReason())
                ? SubscriptionEnding.PAYMENT_FAILED : SubscriptionEnding.CANCELED;
    }
}

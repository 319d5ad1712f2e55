package io.cloudya.systemtests;

import java.time.Instant;
import java.util.UUID;

/**
 * One Stripe subscription of a Cloudya user and the webhook events Stripe sends about it over its life, shaped like
 * Stripe's own (API version basil and later: periods on the item, subscription facts under the invoice's parent).
 * Every event takes its Stripe creation time, because billing orders events by it, never by arrival.
 */
record StripeSubscription(String id, String customer, String userId, String plan) {

    static StripeSubscription open(String userId, String plan) {
        String suffix = uniqueSuffix();
        return new StripeSubscription("sub_" + suffix, "cus_" + suffix, userId, plan);
    }

    /** {@code reason}: subscription_create for the first period, subscription_cycle for a renewal. */
    String paidInvoice(String reason, Instant start, Instant end, Instant created) {
        return StripeWebhooks.event("invoice.paid", invoice(reason, "paid", start, end), created);
    }

    /** A renewal charge that failed; Stripe keeps retrying on its schedule. */
    String failedRenewal(Instant start, Instant end, Instant created) {
        return StripeWebhooks.event("invoice.payment_failed", invoice("subscription_cycle", "open", start, end),
                created);
    }

    /** {@code status}: past_due while Stripe retries, unpaid when its retries are exhausted. */
    String updated(String status, Instant start, Instant end, Instant created) {
        return StripeWebhooks.event("customer.subscription.updated", object(status, start, end, null, null), created);
    }

    /** Stripe's retry schedule ending by canceling the subscription. */
    String deletedAfterFailedPayments(Instant start, Instant end, Instant created) {
        return StripeWebhooks.event("customer.subscription.deleted",
                object("canceled", start, end, created, "payment_failed"), created);
    }

    private String invoice(String reason, String status, Instant start, Instant end) {
        return """
                {"id":"in_%s","object":"invoice","customer":"%s","billing_reason":"%s","status":"%s",
                 "parent":{"type":"subscription_details","subscription_details":{
                   "subscription":"%s","metadata":{"userId":"%s","plan":"%s"}}},
                 "lines":{"object":"list","data":[{"id":"il_%s","object":"line_item",
                   "period":{"start":%d,"end":%d}}]}}"""
                .formatted(uniqueSuffix(), customer, reason, status, id, userId, plan, uniqueSuffix(),
                        start.getEpochSecond(), end.getEpochSecond());
    }

    private String object(String status, Instant start, Instant end, Instant endedAt, String cancelReason) {
        return """
                {"id":"%s","object":"subscription","customer":"%s","status":"%s","cancel_at_period_end":false,
                 "ended_at":%s,"cancellation_details":{"reason":%s},
                 "metadata":{"userId":"%s","plan":"%s"},
                 "items":{"object":"list","data":[{"id":"si_%s","object":"subscription_item",
                   "current_period_start":%d,"current_period_end":%d,
                   "price":{"id":"price_%s","object":"price","lookup_key":"%s_monthly"}}]}}"""
                .formatted(id, customer, status, endedAt == null ? "null" : endedAt.getEpochSecond(),
                        cancelReason == null ? "null" : "\"" + cancelReason + "\"", userId, plan, uniqueSuffix(),
                        start.getEpochSecond(), end.getEpochSecond(), plan, plan);
    }

    private static String uniqueSuffix() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}

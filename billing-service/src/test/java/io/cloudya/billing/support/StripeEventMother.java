package io.cloudya.billing.support;

import com.stripe.Stripe;
import java.util.UUID;

/** Stripe event JSON as Stripe sends it (API version of our stripe-java), one builder per object we read. */
public final class StripeEventMother {

    private StripeEventMother() {
    }

    public static String newId(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "");
    }

    public static String event(String id, String type, long created, String objectJson) {
        return """
                {"id":"%s","object":"event","api_version":"%s","created":%d,"livemode":false,"pending_webhooks":1,
                 "request":{"id":null,"idempotency_key":null},"type":"%s","data":{"object":%s}}"""
                .formatted(id, Stripe.API_VERSION, created, type, objectJson);
    }

    public static String subscription(String id, String customer, String status, String lookupKey,
                                      long periodStart, long periodEnd, boolean cancelAtPeriodEnd,
                                      String cancellationReason) {
        return """
                {"id":"%s","object":"subscription","customer":"%s","status":"%s","cancel_at_period_end":%s,
                 "cancellation_details":{"reason":%s},"metadata":{},
                 "items":{"object":"list","data":[{"id":"si_%s","object":"subscription_item",
                   "current_period_start":%d,"current_period_end":%d,
                   "price":{"id":"price_%s","object":"price","lookup_key":"%s"}}]}}"""
                .formatted(id, customer, status, cancelAtPeriodEnd,
                        cancellationReason == null ? "null" : "\"" + cancellationReason + "\"",
                        id, periodStart, periodEnd, lookupKey, lookupKey);
    }

    public static String invoice(String id, String customer, String subscription, String billingReason,
                                 String plan, long periodStart, long periodEnd) {
        return """
                {"id":"%s","object":"invoice","customer":"%s","billing_reason":"%s","status":"paid",
                 "parent":{"type":"subscription_details","subscription_details":{"subscription":"%s",
                   "metadata":{"plan":"%s"}}},
                 "lines":{"object":"list","data":[{"id":"il_%s","object":"line_item",
                   "period":{"start":%d,"end":%d}}]}}"""
                .formatted(id, customer, billingReason, subscription, plan, id, periodStart, periodEnd);
    }

    public static String subscriptionCheckout(String id, String customer, String userId, String subscription,
                                              String plan) {
        return """
                {"id":"%s","object":"checkout.session","mode":"subscription","payment_status":"paid",
                 "status":"complete","customer":"%s","client_reference_id":"%s","subscription":"%s",
                 "metadata":{"userId":"%s","kind":"subscription","plan":"%s"}}"""
                .formatted(id, customer, userId, subscription, userId, plan);
    }

    public static String topUpCheckout(String id, String customer, String userId, String paymentIntent,
                                       long tokens, String paymentStatus) {
        return """
                {"id":"%s","object":"checkout.session","mode":"payment","payment_status":"%s","status":"complete",
                 "customer":"%s","client_reference_id":"%s","payment_intent":"%s","amount_total":%d,"currency":"eur",
                 "metadata":{"userId":"%s","kind":"topup","tokens":"%d"}}"""
                .formatted(id, paymentStatus, customer, userId, paymentIntent, tokens / 10, userId, tokens);
    }

    public static String charge(String id, String paymentIntent, long amount, long amountRefunded) {
        return """
                {"id":"%s","object":"charge","payment_intent":"%s","amount":%d,"amount_refunded":%d,
                 "refunded":%s,"currency":"eur"}"""
                .formatted(id, paymentIntent, amount, amountRefunded, amount == amountRefunded);
    }
}

package io.cloudya.billing.subscription;

import com.stripe.model.Invoice;
import com.stripe.model.InvoiceLineItem;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** The subscription facts of a Stripe invoice (API version basil and later: parent.subscription_details). */
record SubscriptionInvoice(String invoiceId, String customerId, String subscriptionId, String billingReason,
                           Map<String, String> metadata, Instant periodStart, Instant periodEnd) {

    /** Empty for invoices that belong to no subscription. */
    static Optional<SubscriptionInvoice> of(Invoice invoice) {
        var details = invoice.getParent() == null ? null : invoice.getParent().getSubscriptionDetails();
        if (details == null || details.getSubscription() == null) {
            return Optional.empty();
        }
        InvoiceLineItem line = invoice.getLines() == null || invoice.getLines().getData().isEmpty()
                ? null : invoice.getLines().getData().getFirst();
        Instant start = line == null ? null : Instant.ofEpochSecond(line.getPeriod().getStart());
        Instant end = line == null ? null : Instant.ofEpochSecond(line.getPeriod().getEnd());
        return Optional.of(new SubscriptionInvoice(invoice.getId(), invoice.getCustomer(), details.getSubscription(),
                invoice.getBillingReason(), details.getMetadata() == null ? Map.of() : details.getMetadata(),
                start, end));
    }

    /** The plan our Checkout wrote into the subscription's metadata, used until the subscription object is seen. */
    Optional<Plan> metadataPlan() {
        return Plan.paid(metadata.get("plan"));
    }
}

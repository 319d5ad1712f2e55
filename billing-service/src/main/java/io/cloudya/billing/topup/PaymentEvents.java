package io.cloudya.billing.topup;

import io.cloudya.contracts.Event;
import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.billing.PurchaseRefunded;
import io.cloudya.contracts.billing.TokensPurchased;
import io.cloudya.outbox.OutboxWriter;
import org.springframework.stereotype.Component;

/** Top-up facts out through the outbox on payment.events, in the caller's transaction. */
@Component
class PaymentEvents {

    private static final String AGGREGATE = "payment";

    private final OutboxWriter outbox;

    PaymentEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    void purchased(String userId, String purchaseId, long tokens, long amountCents, String currency, String trace) {
        append(userId, trace, new TokensPurchased(userId, purchaseId, tokens, amountCents, currency));
    }

    void refunded(String userId, String purchaseId, long tokens, long amountCents, String trace) {
        append(userId, trace, new PurchaseRefunded(userId, purchaseId, tokens, amountCents));
    }

    private void append(String userId, String trace, Event payload) {
        outbox.append(Topics.PAYMENT_EVENTS, AGGREGATE, EventEnvelope.of(userId, trace, payload));
    }
}

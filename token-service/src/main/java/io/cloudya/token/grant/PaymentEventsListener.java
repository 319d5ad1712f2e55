package io.cloudya.token.grant;

import io.cloudya.contracts.Topics;
import io.cloudya.contracts.billing.PurchaseRefunded;
import io.cloudya.contracts.billing.TokensPurchased;
import io.cloudya.token.events.InboundEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Transport only: top-ups and their refunds. */
@Component
class PaymentEventsListener {

    private final InboundEvents inbound;
    private final PurchaseTokensHandler purchase;
    private final RefundPurchaseHandler refund;

    PaymentEventsListener(InboundEvents inbound, PurchaseTokensHandler purchase, RefundPurchaseHandler refund) {
        this.inbound = inbound;
        this.purchase = purchase;
        this.refund = refund;
    }

    @KafkaListener(id = "token-payments", topics = Topics.PAYMENT_EVENTS, groupId = InboundEvents.GROUP)
    void onPaymentEvent(String json) {
        inbound.dispatch(json, envelope -> {
            switch (envelope.payload()) {
                case TokensPurchased p -> purchase.handle(InboundEvents.typed(envelope, p));
                case PurchaseRefunded r -> refund.handle(InboundEvents.typed(envelope, r));
                default -> { }
            }
        });
    }
}

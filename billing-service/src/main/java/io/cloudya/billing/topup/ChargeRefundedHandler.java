package io.cloudya.billing.topup;

import com.stripe.model.Charge;
import io.cloudya.billing.webhook.StripeEventHandler;
import io.cloudya.billing.webhook.WebhookEvent;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * {@code charge.refunded} of a top-up → PurchaseRefunded for the newly refunded part. Stripe's amount_refunded
 * is cumulative, so an older or repeated event (smaller or equal amount) changes nothing. Refunds of
 * subscription charges are not top-ups and are ignored here.
 */
@Component
class ChargeRefundedHandler implements StripeEventHandler {

    private final TopUpRepository topUps;
    private final PaymentEvents events;

    ChargeRefundedHandler(TopUpRepository topUps, PaymentEvents events) {
        this.topUps = topUps;
        this.events = events;
    }

    @Override
    public Set<String> types() {
        return Set.of("charge.refunded");
    }

    @Override
    public void handle(WebhookEvent event) {
        Charge charge = event.object(Charge.class);
        if (charge.getPaymentIntent() == null || charge.getAmountRefunded() == null) {
            return;
        }
        var found = topUps.lockByPaymentIntent(charge.getPaymentIntent());
        if (found.isEmpty() || charge.getAmountRefunded() <= found.get().refundedCents()) {
            return;
        }
        TopUp topUp = found.get();
        long refundedCents = Math.min(charge.getAmountRefunded(), topUp.amountCents());
        long refundedTokens = TopUpPolicy.refundedTokens(topUp.tokens(), topUp.amountCents(), refundedCents);
        topUps.refunded(topUp.id(), refundedCents, refundedTokens);
        events.refunded(topUp.userId(), topUp.id(), refundedTokens - topUp.refundedTokens(),
                refundedCents - topUp.refundedCents(), event.id());
    }
}

package io.cloudya.billing.topup;

import com.stripe.model.checkout.Session;
import io.cloudya.billing.webhook.WebhookEvent;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** A paid top-up Checkout Session → TokensPurchased, once per session. */
@Component
public class TopUpPurchases {

    private static final Logger log = LoggerFactory.getLogger(TopUpPurchases.class);

    private final TopUpRepository topUps;
    private final PaymentEvents events;

    TopUpPurchases(TopUpRepository topUps, PaymentEvents events) {
        this.topUps = topUps;
        this.events = events;
    }

    /** The token count is the one our own session metadata carries; the amount is what Stripe collected. */
    public void record(Session session, String userId, WebhookEvent event) {
        long tokens;
        try {
            tokens = Long.parseLong(session.getMetadata().get("tokens"));
        } catch (RuntimeException e) {
            log.warn("top-up session {} has no token count; event {} ignored", session.getId(), event.id());
            return;
        }
        long amount = session.getAmountTotal() == null ? 0 : session.getAmountTotal();
        String currency = session.getCurrency() == null ? "eur" : session.getCurrency().toLowerCase(Locale.ROOT);
        if (topUps.insertFirst(session.getId(), userId, session.getPaymentIntent(), tokens, amount, currency)) {
            events.purchased(userId, session.getId(), tokens, amount, currency, event.id());
        }
    }
}

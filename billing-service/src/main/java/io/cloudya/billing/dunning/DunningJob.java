package io.cloudya.billing.dunning;

import io.cloudya.billing.api.ApiException;
import io.cloudya.billing.config.BillingProperties;
import io.cloudya.billing.stripe.StripeGateway;
import io.cloudya.billing.subscription.SubscriptionEnding;
import io.cloudya.billing.subscription.SubscriptionRepository;
import io.cloudya.billing.subscription.SubscriptionRow;
import java.time.Clock;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The grace period's ceiling. Stripe's own verdict (subscription unpaid/canceled) normally ends a subscription
 * first; when the grace period after the first failed payment has passed and Stripe still says it is not paid,
 * this job cancels it at Stripe (so no later retry charges for a plan the user no longer has) and the account
 * falls back to Free. Several instances are safe: rows are claimed with FOR UPDATE SKIP LOCKED.
 */
@Component
public class DunningJob {

    private static final Logger log = LoggerFactory.getLogger(DunningJob.class);
    private static final Set<String> PAID = Set.of("active", "trialing");
    private static final int BATCH = 50;

    private final SubscriptionRepository subscriptions;
    private final SubscriptionEnding ending;
    private final StripeGateway stripe;
    private final BillingProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;

    DunningJob(SubscriptionRepository subscriptions, SubscriptionEnding ending, StripeGateway stripe,
               BillingProperties properties, TransactionTemplate tx, Clock clock) {
        this.subscriptions = subscriptions;
        this.ending = ending;
        this.stripe = stripe;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${cloudya.billing.dunning-interval:15m}",
            initialDelayString = "${cloudya.billing.dunning-interval:15m}")
    void scheduled() {
        if (stripe.configured()) {
            runOnce();
        }
    }

    /** Returns how many subscriptions it moved to Free. */
    public int runOnce() {
        Integer ended = tx.execute(status -> {
            int count = 0;
            for (SubscriptionRow row : subscriptions.lockOverdue(clock.instant().minus(properties.gracePeriod()), BATCH)) {
                count += settle(row) ? 1 : 0;
            }
            return count;
        });
        return ended == null ? 0 : ended;
    }

    private boolean settle(SubscriptionRow row) {
        try {
            var current = stripe.read("retrieve subscription",
                    (client, options) -> client.v1().subscriptions().retrieve(row.id(), options));
            if (PAID.contains(current.getStatus())) {
                // paid after all and we missed the event: the grace clock stops
                subscriptions.paymentState(row.id(), null, row.paymentStateAt());
                return false;
            }
            if (!"canceled".equals(current.getStatus())) {
                stripe.write("cancel subscription", "dunning-cancel-" + row.id(),
                        (client, options) -> client.v1().subscriptions().cancel(row.id(), options));
            }
            ending.end(row, SubscriptionEnding.PAYMENT_FAILED, clock.instant(), "dunning-" + row.id());
            return true;
        } catch (ApiException e) {
            log.warn("dunning of subscription {} postponed: {}", row.id(), e.code());
            return false;
        }
    }
}

package io.cloudya.billing.checkout;

import com.stripe.param.checkout.SessionCreateParams;
import io.cloudya.billing.api.ApiException;
import io.cloudya.billing.config.StripeProperties;
import io.cloudya.billing.customer.BillingCustomers;
import io.cloudya.billing.stripe.PriceCatalog;
import io.cloudya.billing.stripe.StripeGateway;
import io.cloudya.billing.subscription.Plan;
import io.cloudya.billing.subscription.SubscriptionRepository;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** A Stripe Checkout Session in subscription mode for one paid plan. */
@Component
public class StartCheckoutHandler {

    private final BillingCustomers customers;
    private final PriceCatalog prices;
    private final SubscriptionRepository subscriptions;
    private final StripeGateway stripe;
    private final StripeProperties properties;

    StartCheckoutHandler(BillingCustomers customers, PriceCatalog prices, SubscriptionRepository subscriptions,
                         StripeGateway stripe, StripeProperties properties) {
        this.customers = customers;
        this.prices = prices;
        this.subscriptions = subscriptions;
        this.stripe = stripe;
        this.properties = properties;
    }

    /** {@code requestKey} is the client's Idempotency-Key (or a fresh one): a repeat gets the same session. */
    public CheckoutLink start(String userId, String planName, String requestKey) {
        Plan plan = Plan.paid(planName).orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST, "invalid_plan",
                "plan must be one of starter, pro, enterprise."));
        // a second paid subscription would charge twice for one account: plan changes go through the portal
        if (subscriptions.currentOf(userId).filter(s -> !s.ended()).isPresent()) {
            throw new ApiException(HttpStatus.CONFLICT, "subscription_exists",
                    "You already have a subscription; change or cancel it in the customer portal.");
        }
        String customer = customers.customerFor(userId);
        String price = prices.priceIdFor(plan);
        var params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                .setCustomer(customer)
                .setClientReferenceId(userId)
                .setSuccessUrl(properties.successUrl())
                .setCancelUrl(properties.cancelUrl())
                .addLineItem(SessionCreateParams.LineItem.builder().setPrice(price).setQuantity(1L).build())
                .putMetadata("userId", userId).putMetadata("kind", "subscription").putMetadata("plan", plan.wireName())
                .setSubscriptionData(SessionCreateParams.SubscriptionData.builder()
                        .putMetadata("userId", userId).putMetadata("plan", plan.wireName()).build())
                .build();
        var session = stripe.write("create checkout session", "checkout-" + userId + "-" + requestKey,
                (client, options) -> client.v1().checkout().sessions().create(params, options));
        return new CheckoutLink(session.getUrl(), session.getId());
    }
}

package io.cloudya.billing.topup;

import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionCreateParams.LineItem.PriceData;
import io.cloudya.billing.checkout.CheckoutLink;
import io.cloudya.billing.config.BillingProperties;
import io.cloudya.billing.config.StripeProperties;
import io.cloudya.billing.customer.BillingCustomers;
import io.cloudya.billing.stripe.StripeGateway;
import org.springframework.stereotype.Component;

/** A Checkout Session in payment mode: N packs of 1,000 tokens at 1 € each. */
@Component
public class StartTopUpHandler {

    private final TopUpPolicy policy;
    private final BillingCustomers customers;
    private final StripeGateway stripe;
    private final StripeProperties stripeProperties;
    private final BillingProperties billing;

    StartTopUpHandler(TopUpPolicy policy, BillingCustomers customers, StripeGateway stripe,
                      StripeProperties stripeProperties, BillingProperties billing) {
        this.policy = policy;
        this.customers = customers;
        this.stripe = stripe;
        this.stripeProperties = stripeProperties;
        this.billing = billing;
    }

    public CheckoutLink start(String userId, Long tokens, String requestKey) {
        long packs = policy.packsFor(tokens);
        String customer = customers.customerFor(userId);
        String tokenCount = Long.toString(tokens);
        var price = PriceData.builder()
                .setCurrency(billing.currency())
                .setUnitAmount(TopUpPolicy.CENTS_PER_PACK)
                .setProductData(PriceData.ProductData.builder().setName("Cloudya tokens (1,000)").build())
                .build();
        var params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .setCustomer(customer)
                .setClientReferenceId(userId)
                .setSuccessUrl(stripeProperties.successUrl())
                .setCancelUrl(stripeProperties.cancelUrl())
                .addLineItem(SessionCreateParams.LineItem.builder().setPriceData(price).setQuantity(packs).build())
                .putMetadata("userId", userId).putMetadata("kind", "topup").putMetadata("tokens", tokenCount)
                .setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder()
                        .putMetadata("userId", userId).putMetadata("kind", "topup")
                        .putMetadata("tokens", tokenCount).build())
                .build();
        var session = stripe.write("create top-up session", "topup-" + userId + "-" + requestKey,
                (client, options) -> client.v1().checkout().sessions().create(params, options));
        return new CheckoutLink(session.getUrl(), session.getId());
    }
}

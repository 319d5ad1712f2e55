package io.cloudya.billing.checkout;

import com.stripe.param.billingportal.SessionCreateParams;
import io.cloudya.billing.config.StripeProperties;
import io.cloudya.billing.customer.BillingCustomers;
import io.cloudya.billing.stripe.StripeGateway;
import org.springframework.stereotype.Component;

/** A Stripe Customer Portal session: plan changes, cancellation, payment methods, invoices. */
@Component
public class CustomerPortalHandler {

    private final BillingCustomers customers;
    private final StripeGateway stripe;
    private final StripeProperties properties;

    CustomerPortalHandler(BillingCustomers customers, StripeGateway stripe, StripeProperties properties) {
        this.customers = customers;
        this.stripe = stripe;
        this.properties = properties;
    }

    public CheckoutLink open(String userId, String requestKey) {
        String customer = customers.customerFor(userId);
        var params = SessionCreateParams.builder()
                .setCustomer(customer).setReturnUrl(properties.portalReturnUrl()).build();
        var session = stripe.write("create portal session", "portal-" + userId + "-" + requestKey,
                (client, options) -> client.v1().billingPortal().sessions().create(params, options));
        return new CheckoutLink(session.getUrl(), session.getId());
    }
}

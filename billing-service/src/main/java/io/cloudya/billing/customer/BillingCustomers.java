package io.cloudya.billing.customer;

import com.stripe.param.CustomerCreateParams;
import io.cloudya.billing.stripe.StripeGateway;
import org.springframework.stereotype.Component;

/** A Stripe customer per user, created on first need. */
@Component
public class BillingCustomers {

    private final CustomerRepository customers;
    private final StripeGateway stripe;

    public BillingCustomers(CustomerRepository customers, StripeGateway stripe) {
        this.customers = customers;
        this.stripe = stripe;
    }

    public String customerFor(String userId) {
        return customers.customerOf(userId).orElseGet(() -> create(userId));
    }

    private String create(String userId) {
        // The key derives from the user id: two racing requests, or a retry after a lost answer, get the same
        // customer back from Stripe instead of a second one.
        String id = stripe.write("create customer", "cloudya-customer-" + userId, (client, options) -> client.v1()
                .customers().create(CustomerCreateParams.builder().putMetadata("userId", userId).build(), options))
                .getId();
        customers.insertIfAbsent(userId, id);
        return customers.customerOf(userId).orElse(id);
    }
}

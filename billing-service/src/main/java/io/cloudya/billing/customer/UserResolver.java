package io.cloudya.billing.customer;

import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which Cloudya user a Stripe object belongs to: our own customer mapping first (we created every customer),
 * then the {@code userId} metadata we put on customers, sessions and subscriptions.
 */
@Component
public class UserResolver {

    private final CustomerRepository customers;

    public UserResolver(CustomerRepository customers) {
        this.customers = customers;
    }

    public Optional<String> userOf(String stripeCustomerId, Map<String, String> metadata) {
        Optional<String> mapped = stripeCustomerId == null ? Optional.empty() : customers.userOf(stripeCustomerId);
        if (mapped.isPresent()) {
            return mapped;
        }
        return Optional.ofNullable(metadata).map(m -> m.get("userId")).filter(id -> !id.isBlank());
    }
}

package io.cloudya.billing.customer;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The user ↔ Stripe customer mapping. */
@Repository
public class CustomerRepository {

    private final JdbcClient jdbc;

    public CustomerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> customerOf(String userId) {
        return jdbc.sql("SELECT stripe_customer_id FROM billing_customer WHERE user_id = ?")
                .param(userId).query(String.class).optional();
    }

    public Optional<String> userOf(String stripeCustomerId) {
        return jdbc.sql("SELECT user_id FROM billing_customer WHERE stripe_customer_id = ?")
                .param(stripeCustomerId).query(String.class).optional();
    }

    /** First writer wins; a concurrent second request got the same customer from Stripe anyway. */
    void insertIfAbsent(String userId, String stripeCustomerId) {
        jdbc.sql("INSERT INTO billing_customer (user_id, stripe_customer_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(userId, stripeCustomerId).update();
    }
}

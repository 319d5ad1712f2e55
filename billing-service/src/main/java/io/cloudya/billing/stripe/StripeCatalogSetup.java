package io.cloudya.billing.stripe;

import com.stripe.param.PriceCreateParams;
import com.stripe.param.PriceListParams;
import com.stripe.param.ProductCreateParams;
import io.cloudya.billing.config.BillingProperties;
import io.cloudya.billing.subscription.Plan;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Creates Cloudya's products and monthly prices in a Stripe account, idempotently: a price is looked up by its
 * lookup key first, a product by our fixed id ({@code cloudya_<plan>}), and creates carry idempotency keys.
 * Running it twice changes nothing.
 */
@Component
public class StripeCatalogSetup {

    private static final Logger log = LoggerFactory.getLogger(StripeCatalogSetup.class);

    private final StripeGateway stripe;
    private final BillingProperties billing;

    public StripeCatalogSetup(StripeGateway stripe, BillingProperties billing) {
        this.stripe = stripe;
        this.billing = billing;
    }

    /** Returns the lookup keys it had to create (empty when the account was already set up). */
    public List<String> run() {
        List<String> created = new ArrayList<>();
        for (Plan plan : Plan.values()) {
            if (plan.lookupKey() != null && !priceExists(plan)) {
                createPrice(plan, ensureProduct(plan));
                created.add(plan.lookupKey());
            }
        }
        log.info("stripe catalog set up; created prices: {}", created);
        return created;
    }

    private boolean priceExists(Plan plan) {
        return !stripe.read("find price " + plan.lookupKey(), (client, options) -> client.v1().prices()
                .list(PriceListParams.builder().addLookupKey(plan.lookupKey()).build(), options)).getData().isEmpty();
    }

    private String ensureProduct(Plan plan) {
        String id = "cloudya_" + plan.wireName();
        return stripe.find("retrieve product " + id, (client, options) -> client.v1().products().retrieve(id, options))
                .map(p -> p.getId())
                .orElseGet(() -> stripe.write("create product " + id, "setup-product-" + id, (client, options) ->
                        client.v1().products().create(ProductCreateParams.builder().setId(id)
                                .setName("Cloudya " + plan.wireName().substring(0, 1).toUpperCase()
                                        + plan.wireName().substring(1))
                                .putMetadata("monthlyTokens", Long.toString(plan.monthlyTokens())).build(), options))
                        .getId());
    }

    private void createPrice(Plan plan, String productId) {
        var params = PriceCreateParams.builder()
                .setProduct(productId)
                .setCurrency(billing.currency())
                .setUnitAmount(plan.priceCents())
                .setRecurring(PriceCreateParams.Recurring.builder()
                        .setInterval(PriceCreateParams.Recurring.Interval.MONTH).build())
                .setLookupKey(plan.lookupKey())
                .putMetadata("plan", plan.wireName())
                .build();
        stripe.write("create price " + plan.lookupKey(), "setup-price-" + plan.lookupKey() + "-" + plan.priceCents(),
                (client, options) -> client.v1().prices().create(params, options));
    }
}

package io.cloudya.billing.stripe;

import com.stripe.model.Price;
import com.stripe.param.PriceListParams;
import io.cloudya.billing.api.ApiException;
import io.cloudya.billing.subscription.Plan;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Finds each plan's Stripe price by its lookup key, so no price id lives in our config. */
@Component
public class PriceCatalog {

    private final StripeGateway stripe;
    // price ids never change for a lookup key until someone re-runs setup with transfer; a restart picks that up
    private final Map<Plan, String> priceIds = new ConcurrentHashMap<>();

    public PriceCatalog(StripeGateway stripe) {
        this.stripe = stripe;
    }

    public String priceIdFor(Plan plan) {
        String cached = priceIds.get(plan);
        if (cached != null) {
            return cached;
        }
        String id = stripe.read("find price " + plan.lookupKey(), (client, options) -> client.v1().prices()
                        .list(PriceListParams.builder().addLookupKey(plan.lookupKey()).setActive(true).build(), options))
                .getData().stream().map(Price::getId).findFirst()
                .orElseThrow(() -> new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "billing_not_configured",
                        "No Stripe price with lookup key " + plan.lookupKey() + ": run the billing setup command."));
        priceIds.put(plan, id);
        return id;
    }
}

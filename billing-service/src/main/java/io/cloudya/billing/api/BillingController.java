package io.cloudya.billing.api;

import io.cloudya.billing.checkout.CheckoutLink;
import io.cloudya.billing.checkout.CustomerPortalHandler;
import io.cloudya.billing.checkout.StartCheckoutHandler;
import io.cloudya.billing.subscription.SubscriptionQuery;
import io.cloudya.billing.subscription.SubscriptionView;
import io.cloudya.billing.topup.StartTopUpHandler;
import io.cloudya.contracts.http.IdentityHeaders;
import io.micrometer.core.annotation.Timed;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The user's billing endpoints. Identity is only the gateway's {@code X-User-Id}. An optional client
 * {@code Idempotency-Key} makes a repeated request return the same Stripe session.
 */
@RestController
@RequestMapping("/api/billing")
@Timed("billing.requests")
class BillingController {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final StartCheckoutHandler checkout;
    private final StartTopUpHandler topUp;
    private final CustomerPortalHandler portal;
    private final SubscriptionQuery subscription;

    BillingController(StartCheckoutHandler checkout, StartTopUpHandler topUp, CustomerPortalHandler portal,
                      SubscriptionQuery subscription) {
        this.checkout = checkout;
        this.topUp = topUp;
        this.portal = portal;
        this.subscription = subscription;
    }

    @PostMapping("/checkout")
    CheckoutLink checkout(@RequestHeader(value = IdentityHeaders.USER_ID, required = false) String userId,
                          @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String key,
                          @RequestBody PlanRequest body) {
        return checkout.start(Caller.fromHeader(userId).userId(), body.plan(), requestKey(key));
    }

    @PostMapping("/topup")
    CheckoutLink topUp(@RequestHeader(value = IdentityHeaders.USER_ID, required = false) String userId,
                       @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String key,
                       @RequestBody TopUpRequest body) {
        return topUp.start(Caller.fromHeader(userId).userId(), body.tokens(), requestKey(key));
    }

    @PostMapping("/portal")
    CheckoutLink portal(@RequestHeader(value = IdentityHeaders.USER_ID, required = false) String userId,
                        @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String key) {
        return portal.open(Caller.fromHeader(userId).userId(), requestKey(key));
    }

    @GetMapping("/subscription")
    SubscriptionView subscription(@RequestHeader(value = IdentityHeaders.USER_ID, required = false) String userId) {
        return subscription.of(Caller.fromHeader(userId).userId());
    }

    private static String requestKey(String clientKey) {
        return clientKey == null || clientKey.isBlank() ? UUID.randomUUID().toString() : clientKey.trim();
    }
}

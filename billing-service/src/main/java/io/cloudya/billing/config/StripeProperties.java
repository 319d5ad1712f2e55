package io.cloudya.billing.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cloudya.stripe.*}: how we reach Stripe. The key and webhook secret come only from the environment
 * ({@code STRIPE_API_KEY}, {@code STRIPE_WEBHOOK_SECRET}); empty values keep the service startable locally.
 * {@code toString} never prints them.
 */
@ConfigurationProperties("cloudya.stripe")
public record StripeProperties(
        @DefaultValue("") String apiKey,
        @DefaultValue("") String webhookSecret,
        @DefaultValue("https://api.stripe.com") String apiBase,
        @DefaultValue("5m") Duration webhookTolerance,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        String successUrl,
        String cancelUrl,
        String portalReturnUrl,
        @DefaultValue("false") boolean setup,
        @DefaultValue Resilience resilience) {

    public boolean configured() {
        return apiKey != null && !apiKey.isBlank();
    }

    @Override
    public String toString() {
        return "StripeProperties[apiBase=" + apiBase + ", configured=" + configured() + "]";
    }

    /** Retry and circuit breaker for our calls to Stripe. */
    public record Resilience(
            @DefaultValue("3") int maxAttempts,
            @DefaultValue("200ms") Duration waitDuration,
            @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("20") int slidingWindowSize,
            @DefaultValue("10") int minimumCalls,
            @DefaultValue("30s") Duration openWait) {
    }
}

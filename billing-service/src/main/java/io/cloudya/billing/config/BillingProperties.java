package io.cloudya.billing.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cloudya.billing.*}: the money rules that are ours, not Stripe's. Top-ups are bought in whole
 * thousands of tokens between {@code topUpMinTokens} and {@code topUpMaxTokens} (1,000 tokens = 1 €).
 * {@code gracePeriod}: how long an account keeps its plan after the first failed renewal.
 */
@ConfigurationProperties("cloudya.billing")
public record BillingProperties(
        @DefaultValue("eur") String currency,
        @DefaultValue("7d") Duration gracePeriod,
        @DefaultValue("15m") Duration dunningInterval,
        @DefaultValue("1000") long topUpMinTokens,
        @DefaultValue("1000000") long topUpMaxTokens) {
}

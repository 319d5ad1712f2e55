package io.cloudya.billing.stripe;

import com.stripe.StripeClient;
import io.cloudya.billing.config.StripeProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One per-client StripeClient (no global Stripe.apiKey), so tests can point it at a local fake. */
@Configuration(proxyBeanMethods = false)
class StripeClientConfig {

    /** Placeholder only so the bean exists; {@link StripeGateway} refuses every call while no key is set. */
    private static final String UNCONFIGURED = "sk_test_unconfigured";

    @Bean
    StripeClient stripeClient(StripeProperties properties) {
        return StripeClient.builder()
                .setApiKey(properties.configured() ? properties.apiKey() : UNCONFIGURED)
                .setApiBase(properties.apiBase())
                .setConnectTimeout((int) properties.connectTimeout().toMillis())
                .setReadTimeout((int) properties.readTimeout().toMillis())
                // Resilience4j retries instead, always with our own Idempotency-Key on writes
                .setMaxNetworkRetries(0)
                .build();
    }
}

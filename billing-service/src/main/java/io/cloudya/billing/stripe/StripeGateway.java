package io.cloudya.billing.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.net.RequestOptions;
import io.cloudya.billing.api.ApiException;
import io.cloudya.billing.config.StripeProperties;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The one door to Stripe: retry (Resilience4j) inside a circuit breaker. Writes must carry an Idempotency-Key,
 * and every retry of a write repeats that same key, so Stripe answers a repeat with the first result and a
 * charge, customer or session is never created twice.
 */
@Component
public class StripeGateway {

    private final StripeClient client;
    private final StripeProperties properties;
    private final Retry retry;
    private final CircuitBreaker breaker;

    public StripeGateway(StripeClient client, StripeProperties properties) {
        this.client = client;
        this.properties = properties;
        StripeProperties.Resilience r = properties.resilience();
        this.retry = Retry.of("stripe", RetryConfig.custom()
                .maxAttempts(r.maxAttempts())
                .waitDuration(r.waitDuration())
                .retryOnException(StripeFailures::transientFailure)
                .build());
        this.breaker = CircuitBreaker.of("stripe", CircuitBreakerConfig.custom()
                .failureRateThreshold(r.failureRateThreshold())
                .slidingWindowSize(r.slidingWindowSize())
                .minimumNumberOfCalls(r.minimumCalls())
                .waitDurationInOpenState(r.openWait())
                .recordException(StripeFailures::transientFailure)
                .build());
    }

    /** A read (GET): safe to repeat without a key. */
    public <T> T read(String operation, StripeCall<T> call) {
        return execute(operation, RequestOptions.builder().build(), call);
    }

    /** A read of one object by id: empty when Stripe says it does not exist (404). */
    public <T> Optional<T> find(String operation, StripeCall<T> call) {
        return Optional.ofNullable(read(operation, (client, options) -> {
            try {
                return call.call(client, options);
            } catch (InvalidRequestException e) {
                if (Integer.valueOf(404).equals(e.getStatusCode())) {
                    return null;
                }
                throw e;
            }
        }));
    }

    /** A write (POST/DELETE): {@code idempotencyKey} is reused by every retry of this one logical call. */
    public <T> T write(String operation, String idempotencyKey, StripeCall<T> call) {
        Objects.requireNonNull(idempotencyKey, "a Stripe write is only retried with an Idempotency-Key");
        return execute(operation, RequestOptions.builder().setIdempotencyKey(idempotencyKey).build(), call);
    }

    public boolean configured() {
        return properties.configured();
    }

    CircuitBreaker.State circuitState() {
        return breaker.getState();
    }

    private <T> T execute(String operation, RequestOptions options, StripeCall<T> call) {
        if (!properties.configured()) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "billing_not_configured",
                    "Billing is not configured on this server (no Stripe API key).");
        }
        Supplier<T> attempt = () -> {
            try {
                return call.call(client, options);
            } catch (StripeException | RuntimeException e) {
                throw new StripeCallFailure(e);
            }
        };
        try {
            return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, attempt)).get();
        } catch (CallNotPermittedException e) {
            throw StripeFailures.unavailable(operation);
        } catch (StripeCallFailure e) {
            throw StripeFailures.toApiException(operation, e.getCause());
        }
    }
}

package io.cloudya.aiworker.provider;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.util.function.Supplier;

/** One provider's retry (429/5xx, exponential backoff) around its circuit breaker, built from configuration. */
public record ProviderResilience(Retry retry, CircuitBreaker circuitBreaker) {

    public static ProviderResilience of(String provider, ProviderProperties properties) {
        var r = properties.retry();
        Retry retry = Retry.of(provider, RetryConfig.custom()
                .maxAttempts(Math.max(1, r.maxAttempts()))
                .intervalFunction(IntervalFunction.ofExponentialBackoff(r.initialBackoff(), r.multiplier()))
                .retryOnException(RetryableFailures::isRetryable)
                .failAfterMaxAttempts(false)
                .build());
        var cb = properties.circuitBreaker();
        CircuitBreaker breaker = CircuitBreaker.of(provider, CircuitBreakerConfig.custom()
                .failureRateThreshold(cb.failureRatePercent())
                .slidingWindowSize(cb.window())
                .minimumNumberOfCalls(cb.minimumCalls())
                .waitDurationInOpenState(cb.openFor())
                .build());
        return new ProviderResilience(retry, breaker);
    }

    /** Each attempt passes the breaker; an open breaker fails fast so the next provider is asked at once. */
    public <T> T call(Supplier<T> attempt) {
        return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(circuitBreaker, attempt)).get();
    }
}

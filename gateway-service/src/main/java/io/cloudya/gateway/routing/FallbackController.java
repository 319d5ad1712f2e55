package io.cloudya.gateway.routing;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR;

import io.cloudya.contracts.http.ApiError;
import io.cloudya.gateway.error.ApiErrors;
import io.cloudya.gateway.requestid.RequestLogContext;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * Where each route's circuit breaker forwards when its service fails: a timeout becomes 504
 * {@code upstream_timeout}, anything else (refused connection, open breaker) 503 {@code service_unavailable}. When the
 * breaker is open, Retry-After says when it lets calls through again, so a client need not guess.
 */
@RestController
class FallbackController {

    private static final Logger log = LoggerFactory.getLogger(FallbackController.class);

    private final CircuitBreakerRegistry breakers;

    FallbackController(CircuitBreakerRegistry breakers) {
        this.breakers = breakers;
    }

    @RequestMapping("/fallback/{service}")
    ResponseEntity<ApiError> fallback(@PathVariable String service, ServerWebExchange exchange) {
        Throwable failure = exchange.getAttribute(CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        if (failure == null) {
            // reached directly by a client, not through a breaker: this is not a public endpoint
            return respond(ApiErrors.of(HttpStatus.NOT_FOUND, "No such endpoint: " + exchange.getRequest().getPath()));
        }
        // the path here is already the fallback's; the request id in the MDC ties this line to the request
        try (var ignored = RequestLogContext.of(exchange)) {
            log.warn("{} failed: {}", service, failure.toString());
        }
        if (UpstreamFailures.isTimeout(failure)) {
            return respond(ApiErrors.of(HttpStatus.GATEWAY_TIMEOUT, service + " did not answer in time"));
        }
        ApiError unavailable = ApiErrors.of(HttpStatus.SERVICE_UNAVAILABLE, service + " is unavailable, try again later");
        if (failure instanceof CallNotPermittedException open) {
            return ResponseEntity.status(unavailable.status())
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(secondsUntilHalfOpen(open))).body(unavailable);
        }
        return respond(unavailable);
    }

    /**
     * The open breaker's first wait, rounded up. The breaker opened at most that long ago; after failed trials it
     * waits longer (exponential backoff), and a client that retries early meets another 503 with a new hint.
     */
    private long secondsUntilHalfOpen(CallNotPermittedException open) {
        long millis = breakers.circuitBreaker(open.getCausingCircuitBreakerName()).getCircuitBreakerConfig()
                .getWaitIntervalFunctionInOpenState().apply(1);
        return Math.max(1, (millis + 999) / 1000);
    }

    private static ResponseEntity<ApiError> respond(ApiError error) {
        return ResponseEntity.status(error.status()).body(error);
    }
}

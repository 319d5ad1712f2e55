package io.cloudya.billing.stripe;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import io.cloudya.billing.api.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/** Which Stripe failures are worth another try, and what the user sees when tries run out. */
final class StripeFailures {

    private static final Logger log = LoggerFactory.getLogger(StripeFailures.class);

    private StripeFailures() {
    }

    /** Network errors, timeouts, 429 and 5xx may pass; a 4xx answer will be the same next time. */
    static boolean transientFailure(Throwable error) {
        Throwable cause = error instanceof StripeCallFailure f ? f.getCause() : error;
        if (cause instanceof ApiConnectionException || cause instanceof RateLimitException
                || !(cause instanceof StripeException)) {
            return true;
        }
        return cause instanceof StripeException s && s.getStatusCode() != null && s.getStatusCode() >= 500;
    }

    static ApiException unavailable(String operation) {
        log.warn("stripe {} refused locally: circuit open", operation);
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "payment_provider_unavailable",
                "The payment provider is not reachable right now; nothing was charged. Try again in a minute.");
    }

    /** Unreachable or rate-limited → 503 (try later); anything else Stripe answered → 502. */
    static ApiException toApiException(String operation, Throwable failure) {
        if (!(failure instanceof StripeException e)) {
            log.warn("stripe {} failed: unreadable answer ({})", operation, failure.getClass().getSimpleName());
            return new ApiException(HttpStatus.BAD_GATEWAY, "payment_provider_error",
                    "The payment provider answered with an error; nothing was charged.");
        }
        // request id and error code identify the call at Stripe; the message may echo parameters, so not logged
        log.warn("stripe {} failed: {} status={} code={} requestId={}", operation, e.getClass().getSimpleName(),
                e.getStatusCode(), e.getCode(), e.getRequestId());
        if (e instanceof ApiConnectionException || e instanceof RateLimitException) {
            return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "payment_provider_unavailable",
                    "The payment provider is not reachable right now; nothing was charged. Try again in a minute.");
        }
        return new ApiException(HttpStatus.BAD_GATEWAY, "payment_provider_error",
                "The payment provider answered with an error; nothing was charged.");
    }
}

package io.cloudya.gateway.error;

import io.cloudya.contracts.http.ApiError;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/** Names the gateway's own errors: the same status always gets the same machine-readable code. */
public final class ApiErrors {

    private ApiErrors() {
    }

    public static ApiError of(HttpStatusCode status, String message) {
        return new ApiError(status.value(), codeFor(status), message);
    }

    static String codeFor(HttpStatusCode status) {
        if (status.value() == HttpStatus.GATEWAY_TIMEOUT.value()) {
            return "upstream_timeout";
        }
        if (status.value() == HttpStatus.UNAUTHORIZED.value()) {
            // the reason phrase says "Unauthorized", but the fault is a missing or bad credential
            return "unauthenticated";
        }
        if (status.value() == HttpStatus.TOO_MANY_REQUESTS.value()) {
            return "rate_limited";
        }
        if (status.value() == HttpStatus.CONTENT_TOO_LARGE.value()) {
            // RFC 9110 renamed the reason phrase; clients already know the older code
            return "payload_too_large";
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        if (known == null) {
            return status.is5xxServerError() ? "internal_error" : "bad_request";
        }
        if (known == HttpStatus.INTERNAL_SERVER_ERROR) {
            return "internal_error";
        }
        // "Payload Too Large" -> payload_too_large, "Service Unavailable" -> service_unavailable, ...
        return known.getReasonPhrase().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    }
}

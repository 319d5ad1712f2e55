package io.cloudya.command.web;

import io.cloudya.contracts.http.ApiError;
import java.time.Duration;
import org.springframework.http.HttpStatus;

/** A refusal the client should see as an {@link ApiError}; thrown before anything is stored. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String requiredPlan;
    private final Duration retryAfter;

    public ApiException(HttpStatus status, String code, String message) {
        this(status, code, message, null, null);
    }

    private ApiException(HttpStatus status, String code, String message, String requiredPlan, Duration retryAfter) {
        super(message);
        this.status = status;
        this.code = code;
        this.requiredPlan = requiredPlan;
        this.retryAfter = retryAfter;
    }

    /** 503 {@code overloaded}, nothing stored or charged; {@code retryAfter} becomes the Retry-After header. */
    public static ApiException overloaded(String message, Duration retryAfter) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "overloaded", message, null, retryAfter);
    }

    /**
     * 403 {@code plan_required}. {@code requiredPlan} goes into the body as {@code required_plan} so the CLI can
     * offer the upgrade without parsing {@code message}; null when no configured plan unlocks it.
     */
    public static ApiException planRequired(String requiredPlan, String message) {
        return new ApiException(HttpStatus.FORBIDDEN, "plan_required", message, requiredPlan, null);
    }

    public HttpStatus status() {
        return status;
    }

    /** When the client may try again, or null when retrying will not help by itself. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public ApiError toError() {
        return new ApiError(status.value(), code, getMessage(), requiredPlan);
    }
}

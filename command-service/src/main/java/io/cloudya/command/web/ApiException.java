package io.cloudya.command.web;

import io.cloudya.contracts.http.ApiError;
import org.springframework.http.HttpStatus;

/** A refusal the client should see as an {@link ApiError}; thrown before anything is stored. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String requiredPlan;

    public ApiException(HttpStatus status, String code, String message) {
        this(status, code, message, null);
    }

    private ApiException(HttpStatus status, String code, String message, String requiredPlan) {
        super(message);
        this.status = status;
        this.code = code;
        this.requiredPlan = requiredPlan;
    }

    /**
     * 403 {@code plan_required}. {@code requiredPlan} goes into the body as {@code required_plan} so the CLI can
     * offer the upgrade without parsing {@code message}; null when no configured plan unlocks it.
     */
    public static ApiException planRequired(String requiredPlan, String message) {
        return new ApiException(HttpStatus.FORBIDDEN, "plan_required", message, requiredPlan);
    }

    public HttpStatus status() {
        return status;
    }

    public ApiError toError() {
        return new ApiError(status.value(), code, getMessage(), requiredPlan);
    }
}

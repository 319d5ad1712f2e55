package io.cloudya.billing.api;

import io.cloudya.contracts.http.ApiError;
import org.springframework.http.HttpStatus;

/** A refusal or failure the client sees as an {@link ApiError}. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    public ApiException(HttpStatus status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public ApiError toError() {
        return new ApiError(status.value(), code, getMessage());
    }
}

package io.cloudya.command.web;

import io.cloudya.contracts.http.ApiError;
import org.springframework.http.HttpStatus;

/** A refusal the client should see as an {@link ApiError}; thrown before anything is stored. */
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

    public ApiError toError() {
        return new ApiError(status.value(), code, getMessage());
    }
}

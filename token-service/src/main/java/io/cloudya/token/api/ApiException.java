package io.cloudya.token.api;

import io.cloudya.contracts.http.ApiError;
import org.springframework.http.HttpStatus;

/** A refusal the client sees as an {@link ApiError}; thrown before anything is read or changed. */
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

package io.cloudya.contracts.http;

/**
 * The error body every Cloudya HTTP endpoint returns: the HTTP {@code status}, a machine-readable
 * {@code code} in snake_case (e.g. {@code unknown_execution_mode}) and a {@code message} a person understands.
 */
public record ApiError(int status, String code, String message) {
}

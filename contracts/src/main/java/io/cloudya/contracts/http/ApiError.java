package io.cloudya.contracts.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The error body every Cloudya HTTP endpoint returns: the HTTP {@code status}, a machine-readable
 * {@code code} in snake_case (e.g. {@code unknown_execution_mode}) and a {@code message} a person understands.
 * {@code required_plan} (for {@code plan_required}) names the cheapest plan that unlocks what was refused, so a
 * client can offer the upgrade without parsing the message; absent from every other error, whose JSON stays as it was.
 */
public record ApiError(
        int status, String code, String message,
        @JsonProperty("required_plan") @JsonInclude(JsonInclude.Include.NON_NULL) String requiredPlan) {

    public ApiError(int status, String code, String message) {
        this(status, code, message, null);
    }
}

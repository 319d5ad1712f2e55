package io.cloudya.command.api;

import io.cloudya.command.config.CommandProperties;
import io.cloudya.command.web.ApiException;
import io.cloudya.command.web.Caller;
import io.cloudya.contracts.command.ExecutionMode;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Checks a request against the input rules and the caller's plan; throws the first {@link ApiException}. */
@Component
public class CommandRequestValidator {

    private static final ExecutionMode DEFAULT_MODE = ExecutionMode.SUGGEST;

    private final CommandProperties properties;

    public CommandRequestValidator(CommandProperties properties) {
        this.properties = properties;
    }

    public ValidCommand validate(CommandRequest request, Caller caller) {
        return validate(request.userInput(), request.executionMode(), caller, "user_input");
    }

    /** {@code field} names the input in codes and messages ({@code user_input}, or {@code message} in chat). */
    public ValidCommand validate(String input, String executionMode, Caller caller, String field) {
        if (input == null || input.isBlank()) {
            throw badRequest("missing_" + field, field + " is required and must not be blank.");
        }
        if (input.length() > properties.maxUserInputLength()) {
            throw badRequest(field + "_too_long", field + " has " + input.length()
                    + " characters; the limit is " + properties.maxUserInputLength() + ".");
        }
        ExecutionMode mode = mode(executionMode);
        if (mode == ExecutionMode.EXECUTE && !properties.mayExecute(caller.plan())) {
            throw ApiException.planRequired(properties.cheapestExecutePlan(), "execution_mode execute needs the "
                    + String.join(" or ", properties.executePlans()) + " plan; your plan is " + caller.plan() + ".");
        }
        return new ValidCommand(input, mode);
    }

    private static ExecutionMode mode(String wireName) {
        if (wireName == null) {
            return DEFAULT_MODE;
        }
        return ExecutionMode.fromWire(wireName).orElseThrow(() -> badRequest("unknown_execution_mode",
                "execution_mode '" + wireName + "' is unknown; use one of: " + allowedModes() + "."));
    }

    private static String allowedModes() {
        return Arrays.stream(ExecutionMode.values()).map(ExecutionMode::wireName).collect(Collectors.joining(", "));
    }

    private static ApiException badRequest(String code, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, message);
    }
}

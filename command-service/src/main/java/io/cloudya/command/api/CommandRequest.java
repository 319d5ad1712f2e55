package io.cloudya.command.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The body exactly as the CLI sends it; the mode stays a string so an unknown one gets a precise error. */
public record CommandRequest(
        @JsonProperty("user_input") String userInput,
        @JsonProperty("execution_mode") String executionMode) {
}

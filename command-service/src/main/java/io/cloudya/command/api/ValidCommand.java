package io.cloudya.command.api;

import io.cloudya.contracts.command.ExecutionMode;

/** A request that passed every check: safe to store and send on. */
public record ValidCommand(String userInput, ExecutionMode executionMode) {
}

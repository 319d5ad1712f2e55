package io.cloudya.contracts.command;

import io.cloudya.contracts.Event;
import java.util.UUID;

/** A user asked for something: the start of the command saga. */
public record CommandRequested(
        UUID commandId, String userId, String plan, String userInput, ExecutionMode executionMode, int maxWords)
        implements Event {
}

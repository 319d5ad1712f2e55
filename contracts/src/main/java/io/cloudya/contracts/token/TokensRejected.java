package io.cloudya.contracts.token;

import io.cloudya.contracts.Event;
import java.util.UUID;

/** Not enough tokens for the command's worst case: nothing was reserved. {@code available} is the balance. */
public record TokensRejected(UUID commandId, String userId, long requested, long available, String plan)
        implements Event {
}

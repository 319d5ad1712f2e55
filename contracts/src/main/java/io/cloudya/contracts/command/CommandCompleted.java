package io.cloudya.contracts.command;

import io.cloudya.contracts.Event;
import java.util.UUID;

/** The command was answered; token-service settles {@code wordsUsed} (never more than reserved) and releases the rest. */
public record CommandCompleted(UUID commandId, String userId, UUID reservationId, int wordsUsed) implements Event {
}

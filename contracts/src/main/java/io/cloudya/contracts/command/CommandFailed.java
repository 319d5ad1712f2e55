package io.cloudya.contracts.command;

import io.cloudya.contracts.Event;
import java.util.UUID;

/**
 * The command ended without an answer (AI failure, deadline passed): token-service releases the whole
 * reservation. {@code reason} is machine-readable ({@code ai_failed}, {@code answer_timeout}).
 */
public record CommandFailed(UUID commandId, String userId, UUID reservationId, String reason) implements Event {
}

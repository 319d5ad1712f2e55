package io.cloudya.contracts.ai;

import io.cloudya.contracts.Event;
import java.util.UUID;

/** The ai-worker could not answer; {@code code} is machine-readable, {@code message} is for a person. */
public record AiJobFailed(UUID commandId, String userId, String code, String message) implements Event {
}

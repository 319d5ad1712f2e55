package io.cloudya.aiworker.job;

import io.cloudya.contracts.command.AiJobRequested;
import java.util.UUID;

/** Run one requested job: {@code eventId} is the AiJobRequested id (the dedup key), {@code traceId} travels on. */
public record RunAiJob(UUID eventId, String traceId, AiJobRequested job) {
}

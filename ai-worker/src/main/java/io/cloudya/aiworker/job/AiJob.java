package io.cloudya.aiworker.job;

import java.time.Instant;
import java.util.UUID;

/** One answered job: who asked, who answered, what it cost in words. */
public record AiJob(UUID id, UUID commandId, String userId, String provider, String model, int wordsUsed,
                    Instant createdAt) {
}

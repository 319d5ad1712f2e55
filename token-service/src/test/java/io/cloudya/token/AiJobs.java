package io.cloudya.token;

import io.cloudya.contracts.Event;
import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.command.AiJobRequested;
import io.cloudya.outbox.testing.KafkaProbe;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads the AI jobs the ledger hands on to the ai-worker once it holds a command's tokens. */
public final class AiJobs {

    private AiJobs() {
    }

    public static Predicate<EventEnvelope<Event>> jobFor(UUID commandId) {
        return e -> e.payload() instanceof AiJobRequested job && job.commandId().equals(commandId);
    }

    /** The record of {@code commandId}'s job on {@code lane}; fails after {@code wait}. */
    public static ConsumerRecord<String, String> awaitRecord(KafkaProbe probe, String lane, UUID commandId,
                                                             Duration wait) {
        return probe.await(lane, jobFor(commandId), wait);
    }

    public static AiJobRequested await(KafkaProbe probe, String lane, UUID commandId, Duration wait) {
        return (AiJobRequested) KafkaProbe.envelope(awaitRecord(probe, lane, commandId, wait)).payload();
    }
}

package io.cloudya.aiworker;

import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.EventJson;
import io.cloudya.contracts.command.AiJobRequested;
import io.cloudya.contracts.command.ExecutionMode;
import io.cloudya.contracts.token.HeldTokens;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;

/** AiJobRequested as token-service sends it, with the hold it took. */
public final class AiJobRequestedMother {

    private AiJobRequestedMother() {
    }

    /** A plain JSON request's job: the client does not stream. */
    public static EventEnvelope<AiJobRequested> job(String userId, String plan, String userInput, Instant deadline) {
        var job = new AiJobRequested(UUID.randomUUID(), userId, plan, userInput, ExecutionMode.SUGGEST, 300, deadline,
                null, false, new HeldTokens(UUID.randomUUID(), 300, 700));
        return EventEnvelope.of(userId, "trace-" + userId, job);
    }

    /** The job of a request whose client reads the answer as a stream (SSE). */
    public static EventEnvelope<AiJobRequested> streamed(String userId) {
        var job = new AiJobRequested(UUID.randomUUID(), userId, "starter", "list pods in namespace web",
                ExecutionMode.SUGGEST, 300, Instant.now().plusSeconds(60), null, true);
        return EventEnvelope.of(userId, "trace-" + userId, job);
    }

    public static EventEnvelope<AiJobRequested> listPods(String userId) {
        return job(userId, "free", "list pods in namespace web", Instant.now().plusSeconds(60));
    }

    /**
     * Sends like the outbox does (key = user id, id and eventType headers) and waits for the broker's ack.
     * Returns the record's offset.
     */
    public static long publish(KafkaTemplate<String, String> kafka, String topic, EventEnvelope<?> envelope)
            throws Exception {
        var record = new ProducerRecord<>(topic, envelope.key(), EventJson.write(envelope));
        record.headers().add("id", envelope.id().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("eventType", envelope.type().getBytes(StandardCharsets.UTF_8));
        return kafka.send(record).get().getRecordMetadata().offset();
    }
}

package io.cloudya.command;

import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.EventJson;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.ai.AiJobCompleted;
import io.cloudya.contracts.ai.AiJobFailed;
import io.cloudya.contracts.ai.ProposedCommand;
import io.cloudya.contracts.ai.Risk;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;

/** The ai-worker's answers, as the ai-worker would publish them. */
public final class AiJobEventsMother {

    private AiJobEventsMother() {
    }

    public static EventEnvelope<AiJobCompleted> completed(UUID commandId, String userId, String traceId) {
        var command = new ProposedCommand("kubectl get pods -n web", "List pods in namespace web", Risk.SAFE,
                "read-only", false);
        return EventEnvelope.of(userId, traceId, new AiJobCompleted(commandId, userId,
                "List the pods of one namespace.", List.of(command), "offline-kb", "kb-2026.11", 12));
    }

    public static EventEnvelope<AiJobFailed> failed(UUID commandId, String userId, String code) {
        return EventEnvelope.of(userId, null, new AiJobFailed(commandId, userId, code, "No AI provider could answer."));
    }

    /** Sends like the outbox does (key = user id, id and eventType headers) and waits for the broker's ack. */
    public static void publish(KafkaTemplate<String, String> kafka, EventEnvelope<?> envelope) throws Exception {
        var record = new ProducerRecord<>(Topics.AI_JOB_EVENTS, envelope.key(), EventJson.write(envelope));
        record.headers().add("id", envelope.id().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("eventType", envelope.type().getBytes(StandardCharsets.UTF_8));
        kafka.send(record).get();
    }
}

package io.cloudya.aiworker.job;

import io.cloudya.aiworker.provider.AnswerStream;
import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.EventJson;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.ai.AiAnswerChunk;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends the pieces of an answer as AiAnswerChunk straight to Kafka (not the outbox: chunks are ephemeral, the
 * final AiJobCompleted is the record). Keyed by user id, so one answer's chunks stay in order on one partition;
 * sequence numbers start at 0 per job. A lost chunk only degrades the live view, never the answer.
 */
@Component
class AnswerChunkPublisher {

    private static final Logger log = LoggerFactory.getLogger(AnswerChunkPublisher.class);

    private final KafkaTemplate<String, String> kafka;

    AnswerChunkPublisher(KafkaTemplate<String, String> kafka) {
        this.kafka = kafka;
    }

    AnswerStream streamFor(RunAiJob command) {
        AtomicInteger sequence = new AtomicInteger();
        var job = command.job();
        return text -> {
            if (text == null || text.isEmpty()) {
                return;
            }
            var chunk = new AiAnswerChunk(job.commandId(), job.userId(), sequence.getAndIncrement(), text);
            send(EventEnvelope.of(job.userId(), command.traceId(), chunk));
        };
    }

    /** Waits until the chunks sent so far have left, so that they reach Kafka before the job's outcome event. */
    void flush() {
        kafka.flush();
    }

    private void send(EventEnvelope<AiAnswerChunk> envelope) {
        var record = new ProducerRecord<>(Topics.AI_ANSWER_CHUNKS, envelope.key(), EventJson.write(envelope));
        record.headers().add("id", envelope.id().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("eventType", envelope.type().getBytes(StandardCharsets.UTF_8));
        kafka.send(record).whenComplete((result, error) -> {
            if (error != null) {
                log.warn("answer chunk {} of command {} not sent: {}", envelope.payload().sequence(),
                        envelope.payload().commandId(), error.toString());
            }
        });
    }
}

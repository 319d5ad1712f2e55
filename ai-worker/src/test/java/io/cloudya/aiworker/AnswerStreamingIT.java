package io.cloudya.aiworker;

import io.cloudya.outbox.testing.KafkaProbe;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudya.contracts.Event;
import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.ai.AiAnswerChunk;
import io.cloudya.contracts.ai.AiJobCompleted;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

/**
 * A streamed job's chunks reach Kafka, in order, keyed by user, before the job's AiJobCompleted does; a plain
 * request's job sends none.
 */
@SpringBootTest
@ActiveProfiles("it")
@EmbeddedKafka(partitions = 1, topics = {Topics.AI_JOB_REQUESTS, Topics.AI_JOB_REQUESTS_PRIORITY,
        Topics.COMMAND_EVENTS, Topics.AI_ANSWER_CHUNKS})
class AnswerStreamingIT {

    @Autowired EmbeddedKafkaBroker broker;
    @Autowired KafkaTemplate<String, String> kafka;

    @Test
    void shouldSendAnswerChunksInOrderBeforeTheCompletedEvent() throws Exception {
        var request = AiJobRequestedMother.streamed("it-stream-" + UUID.randomUUID());
        UUID commandId = request.payload().commandId();
        try (var probe = new KafkaProbe(broker, Topics.AI_ANSWER_CHUNKS, Topics.COMMAND_EVENTS)) {
            AiJobRequestedMother.publish(kafka, Topics.AI_JOB_REQUESTS, request);

            var completedRecord = probe.await(Topics.COMMAND_EVENTS, completed(commandId), Duration.ofSeconds(20));
            // the chunks were flushed before the outcome was committed: they are on the broker already
            var chunkRecords = probe.await(Topics.AI_ANSWER_CHUNKS, chunkOf(commandId), Duration.ofSeconds(5));
            var chunks = probe.matching(Topics.AI_ANSWER_CHUNKS, chunkOf(commandId)).stream()
                    .map(r -> (AiAnswerChunk) KafkaProbe.envelope(r).payload()).toList();
            var completed = (AiJobCompleted) KafkaProbe.envelope(completedRecord).payload();

            assertThat(chunks).extracting(AiAnswerChunk::sequence)
                    .containsExactlyElementsOf(java.util.stream.IntStream.range(0, chunks.size()).boxed().toList());
            assertThat(chunks.stream().map(AiAnswerChunk::text).reduce("", String::concat))
                    .isEqualTo(completed.response());
            assertThat(chunkRecords.key()).isEqualTo(request.key());
            assertThat(chunkRecords.timestamp()).isLessThanOrEqualTo(completedRecord.timestamp());
            assertThat(KafkaProbe.header(chunkRecords, "eventType")).isEqualTo("AiAnswerChunk");
        }
    }

    @Test
    void sendsNoChunksWhenTheClientDoesNotStream() throws Exception {
        var plain = AiJobRequestedMother.listPods("it-plain-" + UUID.randomUUID());
        var streamed = AiJobRequestedMother.streamed(plain.key());
        try (var probe = new KafkaProbe(broker, Topics.AI_ANSWER_CHUNKS, Topics.COMMAND_EVENTS)) {
            AiJobRequestedMother.publish(kafka, Topics.AI_JOB_REQUESTS, plain);
            probe.await(Topics.COMMAND_EVENTS, completed(plain.payload().commandId()), Duration.ofSeconds(20));
            // a chunk of the plain job would have been flushed before its outcome; the streamed job's chunk, sent
            // after that outcome, lands behind it on the same partition: once that one is read, so would be the other
            AiJobRequestedMother.publish(kafka, Topics.AI_JOB_REQUESTS, streamed);
            probe.await(Topics.AI_ANSWER_CHUNKS, chunkOf(streamed.payload().commandId()), Duration.ofSeconds(20));

            assertThat(probe.matching(Topics.AI_ANSWER_CHUNKS, chunkOf(plain.payload().commandId()))).isEmpty();
        }
    }

    private static Predicate<EventEnvelope<Event>> completed(UUID commandId) {
        return e -> e.payload() instanceof AiJobCompleted c && c.commandId().equals(commandId);
    }

    private static Predicate<EventEnvelope<Event>> chunkOf(UUID commandId) {
        return e -> e.payload() instanceof AiAnswerChunk c && c.commandId().equals(commandId);
    }
}

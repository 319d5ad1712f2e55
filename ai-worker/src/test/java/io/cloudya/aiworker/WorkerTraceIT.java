package io.cloudya.aiworker;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudya.contracts.EventJson;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.ai.AiJobCompleted;
import io.cloudya.outbox.testing.KafkaProbe;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.utils.KafkaTestUtils;

/** A job runs on its own worker thread, and its trace goes with it: the answer continues the request's trace. */
class WorkerTraceIT extends HeldProviderITSupport {

    @Test
    void shouldAnswerInTheTraceOfTheRequest() throws Exception {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        var request = AiJobRequestedMother.listPods("it-trace-" + UUID.randomUUID());
        var record = new ProducerRecord<>(Topics.AI_JOB_REQUESTS, request.key(), EventJson.write(request));
        record.headers().add("id", request.id().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("eventType", request.type().getBytes(StandardCharsets.UTF_8));
        record.headers().add("traceparent",
                ("00-" + traceId + "-00f067aa0ba902b7-01").getBytes(StandardCharsets.UTF_8));

        // a plain producer, as the CDC relay is: the test's KafkaTemplate would start a trace of its own
        try (var relay = new KafkaProducer<>(KafkaTestUtils.producerProps(broker), new StringSerializer(),
                new StringSerializer())) {
            relay.send(record).get();
        }

        var commandId = request.payload().commandId();
        var outcome = probe.await(Topics.COMMAND_EVENTS,
                e -> e.payload() instanceof AiJobCompleted c && c.commandId().equals(commandId), WAIT);
        assertThat(KafkaProbe.header(outcome, "traceparent")).contains(traceId);
    }
}

package io.cloudya.token.saga;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.EventJson;
import io.cloudya.contracts.Topics;
import io.cloudya.outbox.testing.KafkaProbe;
import io.cloudya.token.AiJobs;
import io.cloudya.token.Events;
import io.cloudya.token.TokenServiceIT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/** The ledger's answer to a command continues the command's trace, though its listener takes whole polls. */
@TokenServiceIT
class SagaTraceIT {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Autowired EmbeddedKafkaBroker broker;

    @Test
    void theAiJobCarriesTheTraceOfTheCommandThatAskedForIt() throws Exception {
        String user = Events.newUser("trace");
        UUID command = UUID.randomUUID();
        try (var probe = new KafkaProbe(broker, Topics.AI_JOB_REQUESTS);
             var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers",
                     broker.getBrokersAsString()), new StringSerializer(), new StringSerializer())) {
            send(producer, Events.registered(user), null);
            send(producer, Events.requested(user, command, 300), "00-" + TRACE_ID + "-00f067aa0ba902b7-01");

            var job = AiJobs.awaitRecord(probe, Topics.AI_JOB_REQUESTS, command, Duration.ofSeconds(20));

            assertThat(KafkaProbe.header(job, "traceparent")).startsWith("00-" + TRACE_ID + "-");
        }
    }

    private static void send(KafkaProducer<String, String> producer, EventEnvelope<?> event, String traceparent)
            throws Exception {
        var record = new ProducerRecord<>(event.type().startsWith("User") ? Topics.USER_EVENTS : Topics.COMMAND_EVENTS,
                event.key(), EventJson.write(event));
        record.headers().add("id", event.id().toString().getBytes(StandardCharsets.UTF_8));
        if (traceparent != null) {
            record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
        }
        producer.send(record).get();
    }
}

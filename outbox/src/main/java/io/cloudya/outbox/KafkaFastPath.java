package io.cloudya.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** Sends committed outbox messages straight to Kafka with the same key, value and headers as the relay. */
public class KafkaFastPath implements OutboxFastPath {

    private static final Logger log = LoggerFactory.getLogger(KafkaFastPath.class);

    private final KafkaTemplate<String, String> kafka;
    private final Counter failures;

    public KafkaFastPath(KafkaTemplate<String, String> kafka, MeterRegistry meters) {
        this.kafka = kafka;
        this.failures = Counter.builder("outbox.fast_path.failures")
                .description("Fast-path sends that failed; the CDC relay still delivers these events")
                .register(meters);
    }

    @Override
    public void publish(OutboxMessage message) {
        var record = new ProducerRecord<>(message.topic(), message.key(), message.json());
        record.headers().add("id", message.eventId().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("eventType", message.eventType().getBytes(StandardCharsets.UTF_8));
        try {
            kafka.send(record).whenComplete((result, error) -> {
                if (error != null) {
                    countFailure(message, error);
                }
            });
        } catch (RuntimeException e) {
            countFailure(message, e);
        }
    }

    private void countFailure(OutboxMessage message, Throwable error) {
        failures.increment();
        log.warn("fast-path send of event {} to {} failed, the relay will deliver it: {}",
                message.eventId(), message.topic(), error.toString());
    }
}

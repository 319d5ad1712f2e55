package io.cloudya.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends committed outbox messages straight to Kafka with the same key, value and headers as the relay, including
 * the writer's traceparent, so the consumer continues the writer's trace whichever copy it reads first. Sends run
 * on a thread of their own: the thread that committed never waits for Kafka, which matters when the broker is
 * unreachable (the producer would block up to max.block.ms fetching metadata). A full queue drops the send; the
 * relay still delivers the event. Each acknowledged send is reported to {@code delivered} ({@link FastPathReceipts}).
 */
public class KafkaFastPath implements OutboxFastPath {

    private static final Logger log = LoggerFactory.getLogger(KafkaFastPath.class);

    private static final int QUEUE_CAPACITY = 10_000;

    private final KafkaTemplate<String, String> kafka;
    private final Counter failures;
    private final Executor sender;
    private final Consumer<UUID> delivered;

    public KafkaFastPath(KafkaTemplate<String, String> kafka, MeterRegistry meters, Consumer<UUID> delivered) {
        this(kafka, meters, sendingThread(), delivered);
    }

    KafkaFastPath(KafkaTemplate<String, String> kafka, MeterRegistry meters, Executor sender,
                  Consumer<UUID> delivered) {
        this.kafka = kafka;
        this.sender = sender;
        this.delivered = delivered;
        this.failures = Counter.builder("outbox.fast_path.failures")
                .description("Fast-path sends that failed; the CDC relay still delivers these events")
                .register(meters);
    }

    @Override
    public void publish(OutboxMessage message) {
        var record = new ProducerRecord<>(message.topic(), message.key(), message.json());
        record.headers().add(RecordHeaders.ID, message.eventId().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(RecordHeaders.EVENT_TYPE, message.eventType().getBytes(StandardCharsets.UTF_8));
        if (message.traceparent() != null) {
            record.headers().add(OutboxMessage.TRACEPARENT,
                    message.traceparent().getBytes(StandardCharsets.UTF_8));
        }
        try {
            sender.execute(() -> send(record, message));
        } catch (RejectedExecutionException e) {
            countFailure(message, e);
        }
    }

    private void send(ProducerRecord<String, String> record, OutboxMessage message) {
        try {
            kafka.send(record).whenComplete((result, error) -> {
                if (error != null) {
                    countFailure(message, error);
                } else {
                    delivered.accept(message.eventId());
                }
            });
        } catch (RuntimeException e) {
            countFailure(message, e);
        }
    }

    /** One thread keeps the sends in commit order; a daemon, so it never holds the JVM open. */
    private static Executor sendingThread() {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE_CAPACITY),
                Thread.ofPlatform().name("outbox-fast-path").daemon(true).factory(),
                new ThreadPoolExecutor.AbortPolicy());
    }

    private void countFailure(OutboxMessage message, Throwable error) {
        failures.increment();
        log.warn("fast-path send of event {} to {} failed, the relay will deliver it: {}",
                message.eventId(), message.topic(), error.toString());
    }
}

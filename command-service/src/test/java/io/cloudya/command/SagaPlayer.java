package io.cloudya.command;

import io.cloudya.outbox.testing.KafkaProbe;
import io.cloudya.contracts.Event;
import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.EventJson;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.command.AiJobRequested;
import io.cloudya.contracts.command.CommandRequested;
import io.cloudya.contracts.token.TokensReserved;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/** Plays token-service and the ai-worker: reads what command-service sends them and answers like they would. */
public final class SagaPlayer implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(15);

    private final KafkaTemplate<String, String> kafka;
    private final KafkaProbe probe;

    public SagaPlayer(EmbeddedKafkaBroker broker, KafkaTemplate<String, String> kafka) {
        this.kafka = kafka;
        this.probe = new KafkaProbe(broker, Topics.COMMAND_EVENTS, Topics.AI_JOB_REQUESTS,
                Topics.AI_JOB_REQUESTS_PRIORITY);
    }

    public CommandRequested requested(String userId, String input) {
        return await(Topics.COMMAND_EVENTS, CommandRequested.class,
                r -> r.userId().equals(userId) && r.userInput().equals(input));
    }

    public EventEnvelope<TokensReserved> reserve(CommandRequested requested, long amount, long availableAfter) {
        var reserved = SagaEventsMother.reserved(requested.commandId(), requested.userId(), amount, availableAfter);
        publish(Topics.RESERVATION_EVENTS, reserved);
        return reserved;
    }

    /** Settles like token-service does once it has read CommandCompleted. */
    public void settle(EventEnvelope<TokensReserved> reserved, long charged, long balanceAfter) {
        publish(Topics.RESERVATION_EVENTS, SagaEventsMother.settled(reserved.payload(), charged, balanceAfter));
    }

    public AiJobRequested job(String topic, UUID commandId) {
        return await(topic, AiJobRequested.class, j -> j.commandId().equals(commandId));
    }

    /** Reserves like token-service, then waits for the AiJobRequested command-service sends on the standard lane. */
    public EventEnvelope<TokensReserved> reserveAndAwaitJob(CommandRequested requested, long amount,
                                                            long availableAfter) {
        var reserved = reserve(requested, amount, availableAfter);
        job(Topics.AI_JOB_REQUESTS, requested.commandId());
        return reserved;
    }

    /** Waits for the first event of {@code type} about {@code commandId} on command.events. */
    public <T extends Event> T commandEvent(Class<T> type, UUID commandId) {
        return await(Topics.COMMAND_EVENTS, type, e -> commandId.equals(commandIdOf(e)));
    }

    /** Every event of {@code type} about {@code commandId} seen on command.events so far. */
    public <T extends Event> List<T> commandEvents(Class<T> type, UUID commandId) {
        return probe.matching(Topics.COMMAND_EVENTS, e -> type.isInstance(e.payload())).stream()
                .map(r -> type.cast(KafkaProbe.envelope(r).payload()))
                .filter(e -> commandId.equals(commandIdOf(e))).toList();
    }

    public <T extends Event> T await(String topic, Class<T> type, Predicate<T> match) {
        var record = probe.await(topic, e -> type.isInstance(e.payload()) && match.test(type.cast(e.payload())), WAIT);
        return type.cast(KafkaProbe.envelope(record).payload());
    }

    /** Keeps reading for {@code period}, so that a check for "nothing more arrived" has given it a chance. */
    public void drain(Duration period) {
        probe.drain(period);
    }

    public KafkaProbe probe() {
        return probe;
    }

    /** Sends like the outbox does (key = user id, id and eventType headers) and waits for the broker's ack. */
    public void publish(String topic, EventEnvelope<?> envelope) {
        publish(topic, envelope, EventJson.write(envelope));
    }

    /** A record with this envelope's key and headers but {@code value} as its body (a copy that must not be read). */
    public void publish(String topic, EventEnvelope<?> envelope, String value) {
        var record = new ProducerRecord<>(topic, envelope.key(), value);
        record.headers().add("id", envelope.id().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("eventType", envelope.type().getBytes(StandardCharsets.UTF_8));
        kafka.send(record).join();
    }

    private static UUID commandIdOf(Event event) {
        return switch (event) {
            case io.cloudya.contracts.command.CommandCompleted c -> c.commandId();
            case io.cloudya.contracts.command.CommandFailed f -> f.commandId();
            case CommandRequested r -> r.commandId();
            default -> null;
        };
    }

    @Override
    public void close() {
        probe.close();
    }
}

package io.cloudya.command;

import io.cloudya.contracts.Event;
import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.EventJson;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.ai.AiJobCompleted;
import io.cloudya.contracts.ai.AiJobFailed;
import io.cloudya.contracts.command.CommandCompleted;
import io.cloudya.contracts.command.CommandFailed;
import io.cloudya.contracts.command.CommandRequested;
import io.cloudya.contracts.token.HeldTokens;
import io.cloudya.outbox.testing.KafkaProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * Plays token-service and the ai-worker: reads what command-service sends them and answers like they would. The
 * ledger's hold never comes back to command-service on its own: it travels with the job (which token-service sends
 * the ai-worker, not played here) and returns with the ai-worker's verdict, on command.events like the command.
 */
public final class SagaPlayer implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(15);

    private final KafkaTemplate<String, String> kafka;
    private final KafkaProbe probe;

    public SagaPlayer(EmbeddedKafkaBroker broker, KafkaTemplate<String, String> kafka) {
        this.kafka = kafka;
        // the lanes too: command-service must never write to them any more
        this.probe = new KafkaProbe(broker, Topics.COMMAND_EVENTS, Topics.AI_JOB_REQUESTS,
                Topics.AI_JOB_REQUESTS_PRIORITY);
    }

    public CommandRequested requested(String userId, String input) {
        return await(Topics.COMMAND_EVENTS, CommandRequested.class,
                r -> r.userId().equals(userId) && r.userInput().equals(input));
    }

    /** Holds tokens like token-service does on CommandRequested; the hold goes with the job, so nothing is sent. */
    public HeldTokens hold(CommandRequested requested, long amount, long availableAfter) {
        return SagaEventsMother.held(amount, availableAfter);
    }

    /** Answers like the ai-worker: AiJobCompleted on command.events, with the job's hold handed back. */
    public EventEnvelope<AiJobCompleted> answer(CommandRequested requested, HeldTokens held, int words) {
        return answer(requested, held, SagaEventsMother.ANSWER, words);
    }

    public EventEnvelope<AiJobCompleted> answer(CommandRequested requested, HeldTokens held, String response,
                                                int words) {
        var answer = SagaEventsMother.completed(requested.commandId(), requested.userId(), held, response, words);
        publish(Topics.COMMAND_EVENTS, answer);
        return answer;
    }

    /** The ai-worker gave up on the job (or had the answer only after its deadline: {@code deadline_passed}). */
    public void fail(CommandRequested requested, String code) {
        publish(Topics.COMMAND_EVENTS, SagaEventsMother.failed(requested.commandId(), requested.userId(), code));
    }

    /** The ledger refused to hold the tokens: {@code available} is the balance it saw. */
    public void reject(CommandRequested requested, long available) {
        publish(Topics.RESERVATION_EVENTS, SagaEventsMother.rejected(requested.commandId(), requested.userId(),
                requested.maxWords(), available));
    }

    /** Settles like token-service does once it has read AiJobCompleted (command-service has no use for it). */
    public void settle(CommandRequested requested, HeldTokens held, long charged, long balanceAfter) {
        publish(Topics.RESERVATION_EVENTS, SagaEventsMother.settled(requested.commandId(), requested.userId(), held,
                charged, balanceAfter));
    }

    /**
     * The type of every event about {@code commandId} on command.events, in order, once {@code period} more was read:
     * what command-service wrote there beside what the other participants did.
     */
    public List<String> commandEventTypes(UUID commandId, Duration period) {
        drain(period);
        return probe.matching(Topics.COMMAND_EVENTS, e -> commandId.equals(commandIdOf(e.payload()))).stream()
                .map(r -> KafkaProbe.envelope(r).type()).toList();
    }

    /** The records seen so far on either ai-worker lane for this user: command-service must send none. */
    public List<ConsumerRecord<String, String>> jobsSentFor(String userId) {
        return java.util.stream.Stream.of(Topics.AI_JOB_REQUESTS, Topics.AI_JOB_REQUESTS_PRIORITY)
                .flatMap(topic -> probe.matching(topic, e -> userId.equals(e.key())).stream()).toList();
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

    /** CommandCompleted and CommandFailed too: what this service wrote before, and must write no more. */
    private static UUID commandIdOf(Event event) {
        return switch (event) {
            case CommandCompleted c -> c.commandId();
            case CommandFailed f -> f.commandId();
            case CommandRequested r -> r.commandId();
            case AiJobCompleted c -> c.commandId();
            case AiJobFailed f -> f.commandId();
            default -> null;
        };
    }

    @Override
    public void close() {
        probe.close();
    }
}

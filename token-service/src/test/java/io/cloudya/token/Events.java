package io.cloudya.token;

import io.cloudya.contracts.Event;
import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.EventJson;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.ai.AiJobCompleted;
import io.cloudya.contracts.ai.AiJobFailed;
import io.cloudya.contracts.auth.UserRegistered;
import io.cloudya.contracts.billing.PurchaseRefunded;
import io.cloudya.contracts.billing.SubscriptionStarted;
import io.cloudya.contracts.billing.TokensPurchased;
import io.cloudya.contracts.command.ChatTurn;
import io.cloudya.contracts.command.AiJobRequested;
import io.cloudya.contracts.command.CommandCompleted;
import io.cloudya.contracts.command.CommandFailed;
import io.cloudya.contracts.command.CommandRequested;
import io.cloudya.contracts.command.ExecutionMode;
import io.cloudya.contracts.token.HeldTokens;
import io.cloudya.token.reservation.Reservation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;

/** Object mother of inbound events, and a publisher that sends them the way the outbox relay does. */
public final class Events {

    private Events() {
    }

    public static String newUser(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    public static EventEnvelope<UserRegistered> registered(String user) {
        return EventEnvelope.of(user, "trace-" + user, new UserRegistered(user, user + "@example.com", "free"));
    }

    public static EventEnvelope<CommandRequested> requested(String user, UUID commandId, int maxWords) {
        return EventEnvelope.of(user, "trace-" + commandId, new CommandRequested(commandId, user, "free",
                "list pods", ExecutionMode.SUGGEST, maxWords));
    }

    /** A chat request as command-service sends it now: with the client's deadline, history, stream and lane. */
    public static EventEnvelope<CommandRequested> chat(String user, UUID commandId, Instant deadline,
                                                       List<ChatTurn> history, boolean stream, boolean priority) {
        return EventEnvelope.of(user, "trace-" + commandId, new CommandRequested(commandId, user, "free",
                "and only the failing ones?", ExecutionMode.SUGGEST, 300, deadline, history, stream, priority));
    }

    /** The ai-worker's answer to {@code job}, handing the job's hold back unchanged as the ai-worker does. */
    public static EventEnvelope<AiJobCompleted> answered(AiJobRequested job, int wordsUsed) {
        return answered(job.userId(), job.commandId(), wordsUsed, job.reservation());
    }

    /** An answer to a job the test did not read: the ledger takes only the hold's id from it, not its amounts. */
    public static EventEnvelope<AiJobCompleted> answered(String user, UUID commandId, int wordsUsed) {
        return answered(user, commandId, wordsUsed, new HeldTokens(Reservation.idFor(commandId), 0, 0));
    }

    public static EventEnvelope<AiJobCompleted> answered(String user, UUID commandId, int wordsUsed,
                                                         HeldTokens hold) {
        return EventEnvelope.of(user, "trace-" + commandId, new AiJobCompleted(commandId, user,
                "kubectl get pods", List.of(), "test-provider", "test-model", wordsUsed, hold));
    }

    /** The ai-worker gave up on the command, {@code code} saying why (e.g. deadline_passed, no_provider). */
    public static EventEnvelope<AiJobFailed> gaveUp(String user, UUID commandId, String code) {
        return EventEnvelope.of(user, "trace-" + commandId,
                new AiJobFailed(commandId, user, code, "no answer: " + code));
    }

    /** What command-service sent before the ai-worker's verdict settled the ledger; still applied. */
    public static EventEnvelope<CommandCompleted> legacyCompleted(String user, UUID commandId, int wordsUsed) {
        return EventEnvelope.of(user, "trace-" + commandId,
                new CommandCompleted(commandId, user, Reservation.idFor(commandId), wordsUsed));
    }

    /** A legacy failure from a command-service that never learnt the hold (it travels only with the AI job). */
    public static EventEnvelope<CommandFailed> legacyFailedWithoutReservationId(String user, UUID commandId,
                                                                                String reason) {
        return EventEnvelope.of(user, "trace-" + commandId, new CommandFailed(commandId, user, null, reason));
    }

    public static EventEnvelope<TokensPurchased> purchased(String user, String purchaseId, long tokens) {
        return EventEnvelope.of(user, null, new TokensPurchased(user, purchaseId, tokens, tokens / 10, "eur"));
    }

    public static EventEnvelope<PurchaseRefunded> refunded(String user, String purchaseId, long tokens) {
        return EventEnvelope.of(user, null, new PurchaseRefunded(user, purchaseId, tokens, tokens / 10));
    }

    public static EventEnvelope<SubscriptionStarted> started(String user, String plan, Instant start) {
        return EventEnvelope.of(user, null, new SubscriptionStarted(user, plan, "sub-" + user, start,
                start.plusSeconds(30L * 24 * 3600)));
    }

    public static String topicOf(Event payload) {
        return switch (payload) {
            case UserRegistered u -> Topics.USER_EVENTS;
            case TokensPurchased p -> Topics.PAYMENT_EVENTS;
            case PurchaseRefunded r -> Topics.PAYMENT_EVENTS;
            case CommandRequested r -> Topics.COMMAND_EVENTS;
            case CommandCompleted c -> Topics.COMMAND_EVENTS;
            case CommandFailed f -> Topics.COMMAND_EVENTS;
            case AiJobCompleted c -> Topics.COMMAND_EVENTS;
            case AiJobFailed f -> Topics.COMMAND_EVENTS;
            default -> Topics.SUBSCRIPTION_EVENTS;
        };
    }

    public static void publish(KafkaTemplate<String, String> kafka, EventEnvelope<?> envelope) {
        publish(kafka, topicOf(envelope.payload()), envelope);
    }

    public static void publish(KafkaTemplate<String, String> kafka, String topic, EventEnvelope<?> envelope) {
        var record = new ProducerRecord<>(topic, envelope.key(), EventJson.write(envelope));
        record.headers().add("id", envelope.id().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("eventType", envelope.type().getBytes(StandardCharsets.UTF_8));
        kafka.send(record).join();
    }
}

package io.cloudya.token;

import io.cloudya.contracts.Event;
import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.EventJson;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.auth.UserRegistered;
import io.cloudya.contracts.billing.PurchaseRefunded;
import io.cloudya.contracts.billing.SubscriptionStarted;
import io.cloudya.contracts.billing.TokensPurchased;
import io.cloudya.contracts.command.ChatTurn;
import io.cloudya.contracts.command.CommandCompleted;
import io.cloudya.contracts.command.CommandFailed;
import io.cloudya.contracts.command.CommandRequested;
import io.cloudya.contracts.command.ExecutionMode;
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

    public static EventEnvelope<CommandCompleted> completed(String user, UUID commandId, int wordsUsed) {
        return EventEnvelope.of(user, "trace-" + commandId,
                new CommandCompleted(commandId, user, Reservation.idFor(commandId), wordsUsed));
    }

    public static EventEnvelope<CommandFailed> failed(String user, UUID commandId) {
        return EventEnvelope.of(user, "trace-" + commandId,
                new CommandFailed(commandId, user, Reservation.idFor(commandId), "ai_failed"));
    }

    /** A failure from a command-service that never learnt the hold (it travels only with the AI job). */
    public static EventEnvelope<CommandFailed> failedWithoutReservationId(String user, UUID commandId, String reason) {
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
            default -> Topics.SUBSCRIPTION_EVENTS;
        };
    }

    public static void publish(KafkaTemplate<String, String> kafka, EventEnvelope<?> envelope) {
        var record = new ProducerRecord<>(topicOf(envelope.payload()), envelope.key(), EventJson.write(envelope));
        record.headers().add("id", envelope.id().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("eventType", envelope.type().getBytes(StandardCharsets.UTF_8));
        kafka.send(record).join();
    }
}

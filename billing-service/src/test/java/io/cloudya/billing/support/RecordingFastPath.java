package io.cloudya.billing.support;

import io.cloudya.contracts.Event;
import io.cloudya.contracts.EventJson;
import io.cloudya.outbox.OutboxFastPath;
import io.cloudya.outbox.OutboxMessage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the Kafka fast path: receives exactly what the outbox writer hands over after each commit
 * (topic, key, envelope JSON), so a test sees the events a committed transaction published.
 */
public class RecordingFastPath implements OutboxFastPath {

    private final List<OutboxMessage> messages = new CopyOnWriteArrayList<>();

    @Override
    public void publish(OutboxMessage message) {
        messages.add(message);
    }

    /** Payloads of {@code type} published for {@code userId}, in commit order. */
    public <T extends Event> List<T> payloads(String userId, Class<T> type) {
        return messages.stream()
                .filter(m -> m.key().equals(userId) && m.eventType().equals(type.getSimpleName()))
                .map(m -> type.cast(EventJson.read(m.json()).payload()))
                .toList();
    }

    public List<OutboxMessage> forUser(String userId) {
        return messages.stream().filter(m -> m.key().equals(userId)).toList();
    }
}

package io.cloudya.auth;

import io.cloudya.outbox.OutboxFastPath;
import io.cloudya.outbox.OutboxMessage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Captures what the outbox hands over after commit: the outbox table itself is emptied in the same transaction. */
public class RecordingFastPath implements OutboxFastPath {

    private final List<OutboxMessage> messages = new CopyOnWriteArrayList<>();

    @Override
    public void publish(OutboxMessage message) {
        messages.add(message);
    }

    public List<OutboxMessage> messagesFor(String key) {
        return messages.stream().filter(message -> message.key().equals(key)).toList();
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        RecordingFastPath outboxFastPath() {
            return new RecordingFastPath();
        }
    }
}

package io.cloudya.outbox;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpoint;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.TopicPartitionOffset;
import org.springframework.kafka.support.converter.MessageConverter;

/** Listener containers made by a context's Boot factory, as {@code @KafkaListener(id = ..., groupId = ...)} makes them. */
final class ListenerContainers {

    private ListenerContainers() {
    }

    static MessageListenerContainer start(ApplicationContext app, String listenerId, String group) {
        var container = app.getBean(ConcurrentKafkaListenerContainerFactory.class)
                .createListenerContainer(new Endpoint(listenerId, group, "membership"));
        container.start();
        return container;
    }

    /** From now until the container holds a partition; fails after {@code limit}. */
    static Duration timeToAssignment(MessageListenerContainer container, Duration limit) {
        long start = System.nanoTime();
        while (container.getAssignedPartitions() == null || container.getAssignedPartitions().isEmpty()) {
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            if (waited.compareTo(limit) > 0) {
                throw new AssertionError("no partition assigned within " + limit);
            }
            sleep();
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Endpoint(String getId, String getGroupId, String topic) implements KafkaListenerEndpoint {

        @Override
        public String getGroup() {
            return null;
        }

        @Override
        public Collection<String> getTopics() {
            return List.of(topic);
        }

        @Override
        public TopicPartitionOffset[] getTopicPartitionsToAssign() {
            return new TopicPartitionOffset[0];
        }

        @Override
        public Pattern getTopicPattern() {
            return null;
        }

        @Override
        public String getClientIdPrefix() {
            return null;
        }

        @Override
        public Integer getConcurrency() {
            return null;
        }

        @Override
        public Boolean getAutoStartup() {
            return false;
        }

        @Override
        public void setupListenerContainer(MessageListenerContainer container, MessageConverter converter) {
            container.setupMessageListener((MessageListener<Object, Object>) record -> { });
        }

        @Override
        public boolean isSplitIterables() {
            return false;
        }
    }
}

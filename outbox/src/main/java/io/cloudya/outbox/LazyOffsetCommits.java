package io.cloudya.outbox;

import java.time.Duration;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.ContainerProperties.AckMode;

/**
 * Listener containers commit their offsets without blocking the poll loop, and at most once per
 * {@code cloudya.outbox.commit-interval} instead of after every poll. A synchronous commit after each poll held
 * every consumer of the saga for a broker round trip (0.8 ms; 6 ms with Kafka 4's default group coordinator linger)
 * before it could take the next event, and the per-poll commits were a third of the broker's requests. Safe because
 * consumers record each event id in the transaction of its effect ({@link ProcessedEvents}): a commit that is lost
 * or late only means events are delivered again and skipped as duplicates. A container that chose its own ack mode
 * (manual acknowledgement, say) keeps it.
 */
public class LazyOffsetCommits
        implements ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> {

    private final Duration interval;

    public LazyOffsetCommits(Duration interval) {
        this.interval = interval;
    }

    @Override
    public void configure(ConcurrentMessageListenerContainer<Object, Object> container) {
        ContainerProperties properties = container.getContainerProperties();
        properties.setSyncCommits(false);
        if (properties.getAckMode() == AckMode.BATCH && !interval.isZero()) {
            properties.setAckMode(AckMode.TIME);
            properties.setAckTime(interval.toMillis());
        }
    }
}

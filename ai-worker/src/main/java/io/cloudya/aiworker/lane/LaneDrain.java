package io.cloudya.aiworker.lane;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Graceful shutdown: stops taking new jobs, lets the running ones finish (at most {@code drain-timeout}), and only
 * then lets the listener containers stop, which commit the finished jobs' offsets before their consumers close.
 * Runs in a later phase than the containers, so it is stopped first. A job still running after the timeout is
 * not acknowledged: it is redelivered after the restart and the dedup mark keeps it from being answered twice.
 */
@Component
class LaneDrain implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LaneDrain.class);
    private static final Duration POLL = Duration.ofMillis(50);

    private final KafkaListenerEndpointRegistry containers;
    private final Lanes lanes;
    private final Duration timeout;
    private final List<MessageListenerContainer> paused = new CopyOnWriteArrayList<>();
    private volatile boolean running;

    LaneDrain(KafkaListenerEndpointRegistry containers, Lanes lanes, LaneProperties properties) {
        this.containers = containers;
        this.lanes = lanes;
        this.timeout = properties.drainTimeout();
    }

    @Override
    public void start() {
        // a context started again after a stop (Spring's test context pausing does that) must consume again; the
        // containers start in an earlier phase, so they are there to resume
        paused.forEach(MessageListenerContainer::resume);
        paused.clear();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        Instant deadline = Instant.now().plus(timeout);
        Collection<MessageListenerContainer> all = containers.getListenerContainers();
        // paused containers keep polling (and committing acknowledgments) but hand out no more records
        all.forEach(container -> {
            container.pause();
            paused.add(container);
        });
        try {
            while (!all.stream().allMatch(LaneDrain::takesNoRecords) && before(deadline)) {
                Thread.sleep(POLL);
            }
            for (JobLane lane : lanes.all()) {
                if (!lane.awaitIdle(left(deadline))) {
                    log.warn("shutdown: {} job(s) of lane {} still running after {}; they will be redelivered",
                            lane.inFlight(), lane.name(), timeout);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return AbstractMessageListenerContainer.DEFAULT_PHASE + 1;
    }

    private static boolean takesNoRecords(MessageListenerContainer container) {
        // a consumer without partitions (more consumers than partitions, a rebalance, a lost broker) is never
        // reported paused, but has nothing to hand out either
        Collection<TopicPartition> assigned = container.getAssignedPartitions();
        return !container.isRunning() || container.isContainerPaused() || assigned == null || assigned.isEmpty();
    }

    private static boolean before(Instant deadline) {
        return Instant.now().isBefore(deadline);
    }

    private static Duration left(Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }
}

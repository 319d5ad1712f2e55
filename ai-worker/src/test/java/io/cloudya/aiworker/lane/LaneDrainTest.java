package io.cloudya.aiworker.lane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/** Shutdown pauses the consumers, then waits for the running jobs, but no longer than drain-timeout. */
class LaneDrainTest {

    private final MessageListenerContainer container = mock(MessageListenerContainer.class);
    private final KafkaListenerEndpointRegistry registry = mock(KafkaListenerEndpointRegistry.class);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void releaseJob() {
        release.countDown();
    }

    @Test
    void shouldPauseTheConsumersAndReturnOnlyOnceTheRunningJobHasFinished() throws Exception {
        var lanes = lanesWithOneRunningJob();
        var drain = drain(lanes, Duration.ofSeconds(30));

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(drain::stop);

        verify(container, timeout(5_000)).pause();
        assertThat(stopping).isNotDone();
        release.countDown();
        stopping.get(5, TimeUnit.SECONDS);
        assertThat(lanes.standard().inFlight()).isZero();
        assertThat(drain.isRunning()).isFalse();
    }

    @Test
    void shouldGiveUpWaitingAfterTheDrainTimeout() throws Exception {
        var lanes = lanesWithOneRunningJob();

        drain(lanes, Duration.ofMillis(200)).stop();

        assertThat(lanes.standard().inFlight()).isEqualTo(1);
    }

    @Test
    void shouldResumeTheConsumersWhenStartedAgainAfterAStop() {
        var drain = drain(new Lanes(properties(Duration.ofSeconds(1)), new SimpleMeterRegistry()),
                Duration.ofSeconds(1));

        drain.stop();
        drain.start();

        verify(container).resume();
        assertThat(drain.isRunning()).isTrue();
    }

    private LaneDrain drain(Lanes lanes, Duration timeout) {
        when(registry.getListenerContainers()).thenReturn(List.of(container));
        when(container.isRunning()).thenReturn(true);
        when(container.getAssignedPartitions()).thenReturn(List.of(new TopicPartition("ai-job.requests", 0)));
        when(container.isContainerPaused()).thenReturn(true);
        var drain = new LaneDrain(registry, lanes, properties(timeout));
        drain.start();
        return drain;
    }

    private Lanes lanesWithOneRunningJob() throws InterruptedException {
        var lanes = new Lanes(properties(Duration.ofSeconds(1)), new SimpleMeterRegistry());
        lanes.standard().acquire(Duration.ofSeconds(1)).orElseThrow().run(() -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return lanes;
    }

    private static LaneProperties properties(Duration drainTimeout) {
        return new LaneProperties(new LaneProperties.Lane(2), new LaneProperties.Lane(2), Duration.ofSeconds(1),
                drainTimeout);
    }
}

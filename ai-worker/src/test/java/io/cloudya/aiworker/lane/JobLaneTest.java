package io.cloudya.aiworker.lane;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A lane runs at most its bound of jobs at once and shows them on its in-flight gauge. */
class JobLaneTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final JobLane lane = new JobLane("standard", 2, meters);

    @Test
    void shouldGiveNoSlotBeyondItsBoundUntilAJobEnds() throws Exception {
        var release = new CountDownLatch(1);
        var started = new CountDownLatch(2);
        for (int i = 0; i < 2; i++) {
            lane.acquire(Duration.ofSeconds(1)).orElseThrow().run(() -> {
                started.countDown();
                await(release);
            });
        }
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        assertThat(lane.acquire(Duration.ofMillis(50))).isEmpty();
        assertThat(gauge()).isEqualTo(2.0);

        release.countDown();
        assertThat(lane.acquire(Duration.ofSeconds(5))).isPresent();
    }

    @Test
    void shouldReportIdleOnlyOnceItsJobsHaveEnded() throws Exception {
        var release = new CountDownLatch(1);
        lane.acquire(Duration.ofSeconds(1)).orElseThrow().run(() -> await(release));

        assertThat(lane.awaitIdle(Duration.ofMillis(50))).isFalse();

        release.countDown();
        assertThat(lane.awaitIdle(Duration.ofSeconds(5))).isTrue();
        assertThat(gauge()).isZero();
    }

    @Test
    void shouldGiveTheSlotBackWhenAJobFails() throws Exception {
        var lane = new JobLane("priority", 1, meters);
        lane.acquire(Duration.ofSeconds(1)).orElseThrow().run(() -> {
            throw new IllegalStateException("boom");
        });

        assertThat(lane.awaitIdle(Duration.ofSeconds(5))).isTrue();
    }

    private double gauge() {
        return meters.get("ai.jobs.in.flight").tag("lane", "standard").gauge().value();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

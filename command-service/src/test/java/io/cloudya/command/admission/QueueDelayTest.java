package io.cloudya.command.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class QueueDelayTest {

    private static final Duration MODEL = Duration.ofMillis(500);
    private static final Duration TARGET = Duration.ofSeconds(2);

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final QueueDelay delay = new QueueDelay(Duration.ofSeconds(1), TARGET, now::get);

    @Test
    void reportsTheFastestAnswerOfTheLastWholeInterval() {
        delay.record(Duration.ofMillis(2500), MODEL);
        delay.record(Duration.ofMillis(3100), MODEL);
        assertThat(delay.lastIntervalSeconds()).as("the interval is not over yet").isZero();

        advance(1000);

        assertThat(delay.lastIntervalSeconds()).isEqualTo(2.5);
    }

    @Test
    void oneFastAnswerInTheIntervalMeansNoQueueStands() {
        delay.record(Duration.ofSeconds(9), MODEL);
        delay.record(Duration.ofMillis(40), MODEL);
        delay.record(Duration.ofSeconds(7), MODEL);

        advance(1000);

        assertThat(delay.lastIntervalSeconds()).isEqualTo(0.04);
    }

    @Test
    void theNextIntervalDecidesAgainSoAQueueThatDrainedStopsShowing() {
        delay.record(Duration.ofSeconds(5), MODEL);
        advance(1000);
        delay.record(Duration.ofMillis(900), MODEL);
        assertThat(delay.lastIntervalSeconds()).isEqualTo(5.0);

        advance(1000);

        assertThat(delay.lastIntervalSeconds()).isEqualTo(0.9);
    }

    @Test
    void anIntervalWithoutAnswersSaysNothingOfAQueue() {
        delay.record(Duration.ofSeconds(5), MODEL);
        advance(1000);
        assertThat(delay.lastIntervalSeconds()).isEqualTo(5.0);

        advance(1500);

        assertThat(delay.lastIntervalSeconds()).isZero();
    }

    @Test
    void countsAWaitMadeNegativeByClockSkewAsNone() {
        delay.record(Duration.ofMillis(-30), MODEL);
        advance(1000);

        assertThat(delay.lastIntervalSeconds()).isZero();
    }

    @Test
    void limitsTheWaitingToWhatTheSagaServesWithTheTargetsWorthOfQueueingWhileAQueueStands() {
        for (int i = 0; i < 16; i++) {
            delay.record(Duration.ofSeconds(5), Duration.ofMillis(1000));
        }
        advance(1000);
        // 16 answers a second, each 1 s of model time plus 2 s of queueing: 48 may wait
        assertThat(delay.limit(10)).isEqualTo(48);
    }

    @Test
    void setsNoLimitWithoutAStandingQueue() {
        for (int i = 0; i < 16; i++) {
            delay.record(Duration.ofSeconds(5), MODEL);
        }
        delay.record(Duration.ofMillis(1500), MODEL);
        advance(1000);

        assertThat(delay.limit(10)).as("one answer waited less than the target").isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void setsNoLimitAfterAnIntervalWithoutAnswersSoABurstAfterIdleIsNotTakenForTheCapacity() {
        advance(1000);

        assertThat(delay.limit(10)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void neverLimitsBelowTheFloor() {
        delay.record(Duration.ofSeconds(5), Duration.ofMillis(100));
        advance(1000);

        assertThat(delay.limit(10)).isEqualTo(10);
    }

    @Test
    void takesTheQueueToStandUntilAnIntervalsFastestAnswerWaitedNoMoreThanHalfTheTarget() {
        queueOf(Duration.ofSeconds(5));
        assertThat(delay.limit(10)).isNotEqualTo(Integer.MAX_VALUE);

        queueOf(Duration.ofMillis(1500));
        assertThat(delay.limit(10)).as("under the target, above half of it: still standing")
                .isNotEqualTo(Integer.MAX_VALUE);

        queueOf(Duration.ofMillis(900));
        assertThat(delay.limit(10)).isEqualTo(Integer.MAX_VALUE);

        queueOf(Duration.ofMillis(1500));
        assertThat(delay.limit(10)).as("a queue must pass the target to stand again").isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void neverTakesAQueueToStandWhenTheTargetIsZero() {
        var off = new QueueDelay(Duration.ofSeconds(1), Duration.ZERO, now::get);
        off.record(Duration.ofSeconds(20), MODEL);
        advance(1000);

        assertThat(off.limit(10)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void rejectsAnEmptyIntervalAndANegativeTarget() {
        assertThatThrownBy(() -> new QueueDelay(Duration.ZERO, TARGET, now::get))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QueueDelay(Duration.ofSeconds(1), Duration.ofSeconds(-1), now::get))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void queueOf(Duration fastest) {
        for (int i = 0; i < 16; i++) {
            delay.record(fastest.plusMillis(i * 100L), MODEL);
        }
        advance(1000);
    }

    private void advance(long millis) {
        now.addAndGet(Duration.ofMillis(millis).toNanos());
    }
}

package io.cloudya.command.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class QueueDelayTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final QueueDelay delay = new QueueDelay(Duration.ofSeconds(2), Duration.ofSeconds(1), now::get);

    @Test
    void standsOnceEvenTheFastestAnswerOfAWholeIntervalWaitedLongerThanTheTarget() {
        delay.record(Duration.ofMillis(2500));
        delay.record(Duration.ofMillis(3100));
        assertThat(standing(delay)).as("the interval is not over yet").isFalse();

        advance(1000);

        assertThat(standing(delay)).isTrue();
        assertThat(delay.lastIntervalSeconds()).isEqualTo(2.5);
    }

    @Test
    void oneFastAnswerInTheIntervalMeansNoQueueStands() {
        delay.record(Duration.ofSeconds(9));
        delay.record(Duration.ofMillis(40));
        delay.record(Duration.ofSeconds(7));

        advance(1000);

        assertThat(standing(delay)).isFalse();
        assertThat(delay.lastIntervalSeconds()).isEqualTo(0.04);
    }

    @Test
    void theNextIntervalDecidesAgainSoAQueueThatDrainedStopsStanding() {
        delay.record(Duration.ofSeconds(5));
        advance(1000);
        delay.record(Duration.ofMillis(900));
        assertThat(standing(delay)).isTrue();

        advance(1000);

        assertThat(standing(delay)).isFalse();
    }

    @Test
    void turnsAwayAShareThatGrowsWithTheStandingWaitPastTheTarget() {
        assertThat(shareAfterFastest(Duration.ofSeconds(2))).isZero();
        assertThat(shareAfterFastest(Duration.ofMillis(2500))).isEqualTo(0.25);
        assertThat(shareAfterFastest(Duration.ofSeconds(3))).isEqualTo(0.5);
        assertThat(shareAfterFastest(Duration.ofSeconds(4))).isEqualTo(1.0);
        assertThat(shareAfterFastest(Duration.ofSeconds(9))).isEqualTo(1.0);
    }

    @Test
    void anIntervalWithoutAnswersSaysNothingOfAQueue() {
        delay.record(Duration.ofSeconds(5));
        advance(1000);
        assertThat(standing(delay)).isTrue();

        advance(1500);

        assertThat(standing(delay)).isFalse();
        assertThat(delay.lastIntervalSeconds()).isZero();
    }

    @Test
    void countsAWaitMadeNegativeByClockSkewAsNone() {
        delay.record(Duration.ofMillis(-30));
        advance(1000);

        assertThat(delay.lastIntervalSeconds()).isZero();
        assertThat(standing(delay)).isFalse();
    }

    @Test
    void neverStandsWhenTheTargetIsZero() {
        var off = new QueueDelay(Duration.ZERO, Duration.ofSeconds(1), now::get);
        off.record(Duration.ofSeconds(20));
        advance(1000);

        assertThat(standing(off)).isFalse();
    }

    @Test
    void rejectsANegativeTargetAndAnEmptyInterval() {
        assertThatThrownBy(() -> new QueueDelay(Duration.ofSeconds(-1), Duration.ofSeconds(1), now::get))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QueueDelay(Duration.ofSeconds(2), Duration.ZERO, now::get))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A queue stands when some share of standard commands is turned away. */
    private static boolean standing(QueueDelay delay) {
        return delay.shareToTurnAway() > 0;
    }

    private double shareAfterFastest(Duration fastest) {
        delay.record(fastest);
        advance(1000);
        return delay.shareToTurnAway();
    }

    private void advance(long millis) {
        now.addAndGet(Duration.ofMillis(millis).toNanos());
    }
}

package io.cloudya.command.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class QueueDelayTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final QueueDelay delay = new QueueDelay(Duration.ofSeconds(1), now::get);

    @Test
    void reportsTheFastestAnswerOfTheLastWholeInterval() {
        delay.record(Duration.ofMillis(2500));
        delay.record(Duration.ofMillis(3100));
        assertThat(delay.lastIntervalSeconds()).as("the interval is not over yet").isZero();

        advance(1000);

        assertThat(delay.lastIntervalSeconds()).isEqualTo(2.5);
    }

    @Test
    void oneFastAnswerInTheIntervalMeansNoQueueStands() {
        delay.record(Duration.ofSeconds(9));
        delay.record(Duration.ofMillis(40));
        delay.record(Duration.ofSeconds(7));

        advance(1000);

        assertThat(delay.lastIntervalSeconds()).isEqualTo(0.04);
    }

    @Test
    void theNextIntervalDecidesAgainSoAQueueThatDrainedStopsShowing() {
        delay.record(Duration.ofSeconds(5));
        advance(1000);
        delay.record(Duration.ofMillis(900));
        assertThat(delay.lastIntervalSeconds()).isEqualTo(5.0);

        advance(1000);

        assertThat(delay.lastIntervalSeconds()).isEqualTo(0.9);
    }

    @Test
    void anIntervalWithoutAnswersSaysNothingOfAQueue() {
        delay.record(Duration.ofSeconds(5));
        advance(1000);
        assertThat(delay.lastIntervalSeconds()).isEqualTo(5.0);

        advance(1500);

        assertThat(delay.lastIntervalSeconds()).isZero();
    }

    @Test
    void countsAWaitMadeNegativeByClockSkewAsNone() {
        delay.record(Duration.ofMillis(-30));
        advance(1000);

        assertThat(delay.lastIntervalSeconds()).isZero();
    }

    @Test
    void rejectsAnEmptyInterval() {
        assertThatThrownBy(() -> new QueueDelay(Duration.ZERO, now::get)).isInstanceOf(IllegalArgumentException.class);
    }

    private void advance(long millis) {
        now.addAndGet(Duration.ofMillis(millis).toNanos());
    }
}

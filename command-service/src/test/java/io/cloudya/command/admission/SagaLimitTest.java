package io.cloudya.command.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SagaLimitTest {

    static final AdmissionProperties SETTINGS = new AdmissionProperties(true, 10, 1.5, Duration.ofMillis(200),
            Duration.ofSeconds(1));
    private static final int HEAP_GUARD = 100;

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final SagaLimit limit = new SagaLimit(HEAP_GUARD, SETTINGS, now::get);

    @Test
    void startsAtTheHeapGuardsLimitSoAServiceThatSawNoQueueTurnsNobodyAwayEarlier() {
        assertThat(limit.current()).isEqualTo(HEAP_GUARD);

        windows(50, 20, 90);

        assertThat(limit.current()).as("never above the heap guard").isEqualTo(HEAP_GUARD);
    }

    @Test
    void shrinksWhenTheAnswersStartQueueingWhileManyAreInFlight() {
        windows(50, 20, 90);

        windows(20, 400, 90);

        assertThat(limit.current()).isLessThan(HEAP_GUARD / 2);
    }

    @Test
    void keepsTheLimitWhileFewAreInFlightWhateverTheWait() {
        windows(50, 20, 5);

        windows(20, 400, 5);

        assertThat(limit.current()).as("the wait is not of our making: too few in flight").isEqualTo(HEAP_GUARD);
    }

    @Test
    void growsBackOnceTheWaitReturnsToNormal() {
        windows(50, 20, 90);
        windows(20, 400, 90);
        int shrunk = limit.current();

        windows(30, 20, shrunk);

        assertThat(limit.current()).isGreaterThan(shrunk);
    }

    @Test
    void neverGoesBelowItsMinimum() {
        var floorOf30 = new SagaLimit(HEAP_GUARD, new AdmissionProperties(true, 30, 1.5, Duration.ofMillis(200),
                Duration.ofSeconds(1)), now::get);
        for (int i = 0; i < 6_000; i++) {
            now.addAndGet(Duration.ofMillis(10).toNanos());
            floorOf30.record(Duration.ofMillis(i < 1_000 ? 20 : 400), floorOf30.current());
        }

        assertThat(floorOf30.current()).isEqualTo(30);
    }

    @Test
    void rejectsSettingsThatCannotSteerALimit() {
        assertThatThrownBy(() -> new AdmissionProperties(true, 0, 1.5, Duration.ofMillis(200), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AdmissionProperties(true, 10, 0.9, Duration.ofMillis(200), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AdmissionProperties(true, 10, 1.5, Duration.ofMillis(50), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** {@code count} windows of 20 answers, 10 ms apart, each {@code waitMillis} in the saga, with {@code inFlight}. */
    void windows(int count, long waitMillis, int inFlight) {
        for (int i = 0; i < count * 20; i++) {
            now.addAndGet(Duration.ofMillis(10).toNanos());
            limit.record(Duration.ofMillis(waitMillis), inFlight);
        }
    }
}

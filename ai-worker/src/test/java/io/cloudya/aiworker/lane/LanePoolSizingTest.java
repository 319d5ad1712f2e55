package io.cloudya.aiworker.lane;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Each running job holds a connection, so the pool covers both lanes' bounds. */
class LanePoolSizingTest {

    private final MockEnvironment environment = new MockEnvironment()
            .withProperty("cloudya.ai.lanes.priority.max-in-flight", "8")
            .withProperty("cloudya.ai.lanes.standard.max-in-flight", "12");

    @Test
    void shouldRaiseAPoolTooSmallForTheLanes() {
        var pool = new HikariDataSource();
        pool.setMaximumPoolSize(10);

        new LanePoolSizing(environment).postProcessBeforeInitialization(pool, "dataSource");

        assertThat(pool.getMaximumPoolSize()).isEqualTo(8 + 12 + LanePoolSizing.HEADROOM);
    }

    @Test
    void shouldKeepALargerConfiguredPool() {
        var pool = new HikariDataSource();
        pool.setMaximumPoolSize(50);

        new LanePoolSizing(environment).postProcessBeforeInitialization(pool, "dataSource");

        assertThat(pool.getMaximumPoolSize()).isEqualTo(50);
    }

    @Test
    void shouldSizeForTheDefaultLanesWhenNoneAreConfigured() {
        var pool = new HikariDataSource();

        new LanePoolSizing(new MockEnvironment()).postProcessBeforeInitialization(pool, "dataSource");

        assertThat(pool.getMaximumPoolSize()).isEqualTo(16 + 16 + LanePoolSizing.HEADROOM);
    }
}

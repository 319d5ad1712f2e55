package io.cloudya.relay.health;

import io.cloudya.relay.engine.EngineState;
import io.cloudya.relay.engine.OutboxEngine;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** UP while one database's engine streams; DOWN with the reason while it waits or restarts. */
public class EngineHealthIndicator implements HealthIndicator {

    private final OutboxEngine engine;

    public EngineHealthIndicator(OutboxEngine engine) {
        this.engine = engine;
    }

    @Override
    public Health health() {
        EngineState state = engine.state();
        Health.Builder builder = state.isRunning() ? Health.up() : Health.down();
        return builder.withDetail("database", engine.database())
                .withDetail("phase", state.phase().name())
                .withDetail("reason", state.reason())
                .build();
    }
}

package io.cloudya.relay.health;

import io.cloudya.relay.engine.EngineState;
import io.cloudya.relay.engine.LostSlotRecovery;
import io.cloudya.relay.engine.OutboxEngine;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * UP while one database's engine streams; DOWN with the reason while it waits or restarts. A recreated slot stays
 * in the details (still UP: the relay runs again), so whoever looks sees that events may have come by fast path only.
 */
public class EngineHealthIndicator implements HealthIndicator {

    private final OutboxEngine engine;
    private final LostSlotRecovery slotRecovery;

    public EngineHealthIndicator(OutboxEngine engine, LostSlotRecovery slotRecovery) {
        this.engine = engine;
        this.slotRecovery = slotRecovery;
    }

    @Override
    public Health health() {
        EngineState state = engine.state();
        Health.Builder builder = state.isRunning() ? Health.up() : Health.down();
        builder.withDetail("database", engine.database())
                .withDetail("phase", state.phase().name())
                .withDetail("reason", state.reason())
                .withDetail("slotRecreations", slotRecovery.recreations());
        slotRecovery.lastRecreation().ifPresent(last -> builder.withDetail("lastSlotRecreation", last));
        return builder.build();
    }
}

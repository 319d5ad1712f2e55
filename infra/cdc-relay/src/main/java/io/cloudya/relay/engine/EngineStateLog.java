package io.cloudya.relay.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One engine's current state, logged only when it changes, so a long wait writes one line, not one per attempt. */
final class EngineStateLog {

    private static final Logger log = LoggerFactory.getLogger(OutboxEngine.class);

    private final String database;
    private volatile EngineState state = EngineState.stopped();

    EngineStateLog(String database) {
        this.database = database;
    }

    EngineState current() {
        return state;
    }

    void moveTo(EngineState next) {
        EngineState previous = state;
        state = next;
        if (!next.equals(previous)) {
            log.info("Outbox engine {}: {} ({})", database, next.phase(), next.reason());
        }
    }
}

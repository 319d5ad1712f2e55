package io.cloudya.relay.engine;

import java.util.Optional;

/** Something that must hold before an engine may start; run before every start attempt, on the engine's thread. */
@FunctionalInterface
public interface StartCheck {

    /** @return why the engine cannot start yet, or empty when it can */
    Optional<String> blocker(String database);

    /** This check, then {@code next} once this one passes. */
    default StartCheck then(StartCheck next) {
        return database -> {
            Optional<String> blocker = blocker(database);
            return blocker.isPresent() ? blocker : next.blocker(database);
        };
    }
}

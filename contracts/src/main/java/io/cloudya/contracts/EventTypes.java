package io.cloudya.contracts;

import io.cloudya.contracts.ai.AiJobCompleted;
import io.cloudya.contracts.ai.AiJobFailed;
import io.cloudya.contracts.auth.UserRegistered;
import io.cloudya.contracts.command.AiJobRequested;
import io.cloudya.contracts.command.CommandRequested;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The registry of known event types: the wire name (the record's simple name) to its record class. */
public final class EventTypes {

    private static final Map<String, Class<? extends Event>> BY_NAME = List.<Class<? extends Event>>of(
                    CommandRequested.class, AiJobRequested.class,
                    AiJobCompleted.class, AiJobFailed.class,
                    UserRegistered.class)
            .stream()
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private EventTypes() {
    }

    public static Optional<Class<? extends Event>> byName(String type) {
        return Optional.ofNullable(BY_NAME.get(type));
    }
}

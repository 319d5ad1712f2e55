package io.cloudya.command.events;

import io.cloudya.contracts.Event;
import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.EventJson;
import io.cloudya.contracts.UnknownEventTypeException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads a Kafka value into an envelope; a type from a newer producer is skipped, not retried forever. */
public final class InboundEvents {

    private static final Logger log = LoggerFactory.getLogger(InboundEvents.class);

    private InboundEvents() {
    }

    public static Optional<EventEnvelope<Event>> read(String json) {
        try {
            return Optional.of(EventJson.read(json));
        } catch (UnknownEventTypeException e) {
            log.debug("skipping event: {}", e.getMessage());
            return Optional.empty();
        }
    }
}

package io.cloudya.token.events;

import io.cloudya.contracts.Event;
import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.EventJson;
import io.cloudya.contracts.UnknownEventTypeException;
import io.cloudya.outbox.ProcessedEvents;
import io.cloudya.outbox.RecordHeaders;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The listeners' shared transport step: parse the envelope, hand it to a handler, and turn what can never succeed
 * (unreadable JSON, a type from a newer producer, a rejected event) into a log line and a metric instead of an
 * endless retry. Anything else (the database is down) propagates, so the container retries the record.
 */
@Component
public class InboundEvents {

    /** The consumer group of every token-service listener and the dedup key space of its processed events. */
    public static final String GROUP = "token-service";

    private static final Logger log = LoggerFactory.getLogger(InboundEvents.class);

    private final MeterRegistry meters;
    private final ProcessedEvents processed;

    public InboundEvents(MeterRegistry meters, ProcessedEvents processed) {
        this.meters = meters;
        this.processed = processed;
    }

    public void dispatch(String json, Consumer<EventEnvelope<Event>> handler) {
        read(json).ifPresent(envelope -> apply(envelope, handler));
    }

    /**
     * The record's envelope; empty, without parsing, for the copy of an event this instance applied lately (every
     * event comes twice: fast path, then relay), counted in {@code tokens.events.duplicates}.
     */
    public Optional<EventEnvelope<Event>> read(ConsumerRecord<String, String> record) {
        if (processed.appliedLately(GROUP, record)) {
            meters.counter("tokens.events.duplicates", "type", RecordHeaders.eventType(record)).increment();
            return Optional.empty();
        }
        return read(record.value());
    }

    /** The parsed envelope; empty (logged, and counted when malformed) for what no handler could ever take. */
    public Optional<EventEnvelope<Event>> read(String json) {
        try {
            return Optional.of(EventJson.read(json));
        } catch (UnknownEventTypeException e) {
            log.debug("skipping event: {}", e.getMessage());
            return Optional.empty();
        } catch (RuntimeException e) {
            reject("malformed_event", "unreadable event: " + e.getMessage(), "?");
            return Optional.empty();
        }
    }

    /** Hands a parsed envelope to its handler; a rejection is logged and counted, anything else propagates. */
    public void apply(EventEnvelope<Event> envelope, Consumer<EventEnvelope<Event>> handler) {
        try {
            handler.accept(envelope);
        } catch (RejectedEventException e) {
            reject(e.code(), e.getMessage(), envelope.type() + " " + envelope.id());
        }
    }

    /** The same envelope typed by its payload, once the caller has matched the payload's class. */
    public static <T extends Event> EventEnvelope<T> typed(EventEnvelope<?> e, T payload) {
        return new EventEnvelope<>(e.id(), e.type(), e.version(), e.occurredAt(), e.key(), e.traceId(), payload);
    }

    private void reject(String code, String message, String what) {
        meters.counter("tokens.events.rejected", "code", code).increment();
        log.warn("rejected {} ({}): {}", what, code, message);
    }
}

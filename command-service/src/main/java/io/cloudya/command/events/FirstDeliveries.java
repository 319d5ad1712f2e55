package io.cloudya.command.events;

import io.cloudya.contracts.EventEnvelope;
import io.cloudya.outbox.ProcessedEvents;
import io.cloudya.outbox.RecordHeaders;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The durable consumer's dedup (group {@value #GROUP}): every event arrives at least twice by design (outbox fast
 * path + CDC relay). Each listener drops the copies this instance applied lately before parsing them; each handler
 * asks here first, inside the transaction of its effect, for the rest.
 */
@Component
public class FirstDeliveries {

    public static final String GROUP = "command-service";

    private final ProcessedEvents processed;
    private final MeterRegistry meters;

    public FirstDeliveries(ProcessedEvents processed, MeterRegistry meters) {
        this.processed = processed;
        this.meters = meters;
    }

    /** True for a copy of an event this instance applied lately: the listener drops it unparsed (counted). */
    public boolean appliedLately(ConsumerRecord<String, String> record) {
        if (!processed.appliedLately(GROUP, record)) {
            return false;
        }
        countDuplicate(RecordHeaders.eventType(record));
        return true;
    }

    /** True on the first delivery of this event id; a duplicate is counted and gets false. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean isFirst(EventEnvelope<?> envelope) {
        if (processed.markFirstDelivery(GROUP, envelope.id())) {
            return true;
        }
        countDuplicate(envelope.type());
        return false;
    }

    private void countDuplicate(String type) {
        Counter.builder("commands.events.duplicates")
                .description("Saga event deliveries skipped because their event id was already applied")
                .tag("type", type)
                .register(meters)
                .increment();
    }
}

package io.cloudya.command.events;

import io.cloudya.contracts.EventEnvelope;
import io.cloudya.outbox.ProcessedEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The durable consumer's dedup (group {@value #GROUP}): every event arrives at least twice by design (outbox fast
 * path + CDC relay), so each handler asks here first, inside the transaction of its effect.
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

    /** True on the first delivery of this event id; a duplicate is counted and gets false. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean isFirst(EventEnvelope<?> envelope) {
        if (processed.markFirstDelivery(GROUP, envelope.id())) {
            return true;
        }
        Counter.builder("commands.events.duplicates")
                .description("Saga event deliveries skipped because their event id was already applied")
                .tag("type", envelope.type())
                .register(meters)
                .increment();
        return false;
    }
}

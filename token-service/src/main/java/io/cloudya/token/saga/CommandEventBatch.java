package io.cloudya.token.saga;

import io.cloudya.contracts.Event;
import io.cloudya.contracts.EventEnvelope;
import io.cloudya.observability.KafkaRecordTracing;
import io.cloudya.token.events.InboundEvents;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies one poll of command-saga events, in order, in as few transactions as is safe. First all of them in one
 * transaction: one commit (one WAL flush) for the batch, and each event's dedup row still commits or rolls back
 * with its effect because they share that transaction. If it fails for any reason (a rejected event, a deadlock,
 * a crash before commit) it rolls back whole, and the events are applied again one transaction each, exactly as a
 * record listener would: one bad event neither blocks nor loses the others. A poll of one event is one
 * transaction either way, so latency at low load does not change.
 */
@Component
public class CommandEventBatch {

    private static final Logger log = LoggerFactory.getLogger(CommandEventBatch.class);

    private final InboundEvents inbound;
    private final SagaRoutes routes;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;
    private final KafkaRecordTracing tracing;

    CommandEventBatch(InboundEvents inbound, SagaRoutes routes, TransactionTemplate transactions,
                      MeterRegistry meters, ObjectProvider<KafkaRecordTracing> tracing) {
        this.inbound = inbound;
        this.routes = routes;
        this.transactions = transactions;
        this.meters = meters;
        this.tracing = tracing.getIfAvailable();
    }

    /**
     * @param records the poll's records, in partition order; each event is applied in its record's trace
     * @throws BatchListenerFailedException naming the first record that failed in its own transaction: the ones
     *         before it are committed, so the container commits their offsets and retries from that record on
     */
    public void apply(List<ConsumerRecord<String, String>> records) {
        // Parsed once, outside any transaction: an unreadable record is logged and counted once, not per attempt;
        // the relay's copy of an event applied lately is not parsed at all.
        List<Optional<EventEnvelope<Event>>> events = records.stream().map(inbound::read).toList();
        if (events.stream().filter(Optional::isPresent).count() > 1 && appliedInOneTransaction(records, events)) {
            return;
        }
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).isPresent()) {
                applyAlone(records.get(i), events.get(i).get(), i);
            }
        }
    }

    private boolean appliedInOneTransaction(List<ConsumerRecord<String, String>> records,
                                            List<Optional<EventEnvelope<Event>>> events) {
        try {
            // A RejectedEventException propagates here (rather than being counted), so it only aborts the batch;
            // the one-by-one pass below rejects and counts it once.
            transactions.executeWithoutResult(status -> {
                for (int i = 0; i < events.size(); i++) {
                    var record = records.get(i);
                    events.get(i).ifPresent(event -> inTraceOf(record, () -> routes.route(event)));
                }
            });
            return true;
        } catch (RuntimeException e) {
            log.info("a batch of {} saga events rolled back ({}); applying them one transaction each",
                    events.size(), e.toString());
            meters.counter("tokens.saga.batch.fallbacks").increment();
            return false;
        }
    }

    private void applyAlone(ConsumerRecord<String, String> record, EventEnvelope<Event> event, int index) {
        try {
            // each handler is @Transactional: outside the batch transaction it commits on its own
            inTraceOf(record, () -> inbound.apply(event, routes::route));
        } catch (RuntimeException e) {
            throw new BatchListenerFailedException(event.type() + " " + event.id() + " failed", e, index);
        }
    }

    /** The events this one causes (and its log lines) carry the trace of the request that caused it. */
    private void inTraceOf(ConsumerRecord<String, String> record, Runnable work) {
        if (tracing == null) {
            work.run();
        } else {
            tracing.inTraceOf(record, work);
        }
    }
}

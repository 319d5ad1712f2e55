package io.cloudya.command.answer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The metrics of {@link PendingAnswers}: how many requests are parked, how long they waited, how many unsettled. */
final class AnswerMeters {

    private static final Logger log = LoggerFactory.getLogger(PendingAnswers.class);

    private final MeterRegistry meters;
    private final Counter unsettled;

    AnswerMeters(MeterRegistry meters, Map<UUID, ParkedRequest> pending) {
        this.meters = meters;
        Gauge.builder("commands.pending.answers", pending, Map::size)
                .description("HTTP requests parked on this instance, waiting for their answer")
                .register(meters);
        this.unsettled = Counter.builder("commands.answers.unsettled")
                .description("200 answers sent with computed token numbers: the ledger's settlement came too late")
                .register(meters);
    }

    /** Counts (and logs) a 200 answer sent without the ledger's settlement. */
    void unsettled(UUID commandId) {
        unsettled.increment();
        log.info("no ReservationSettled for command {} in time; answered with computed token numbers", commandId);
    }

    void latency(ParkedRequest entry, String outcome) {
        Timer.builder("commands.answer.latency")
                .description("From accepting a command to its HTTP answer")
                .tag("outcome", outcome)
                .register(meters)
                .record(Duration.ofNanos(System.nanoTime() - entry.startedNanos));
    }
}

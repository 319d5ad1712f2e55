package io.cloudya.command.answer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** The metrics of {@link PendingAnswers}: how many requests are parked, how long they waited. */
final class AnswerMeters {

    private final MeterRegistry meters;

    AnswerMeters(MeterRegistry meters, Map<UUID, ParkedRequest> pending) {
        this.meters = meters;
        Gauge.builder("commands.pending.answers", pending, Map::size)
                .description("HTTP requests parked on this instance, waiting for their answer")
                .register(meters);
    }

    void latency(ParkedRequest entry, String outcome) {
        Timer.builder("commands.answer.latency")
                .description("From accepting a command to its HTTP answer")
                .tag("outcome", outcome)
                .register(meters)
                .record(Duration.ofNanos(System.nanoTime() - entry.startedNanos));
    }
}

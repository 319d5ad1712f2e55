package io.cloudya.token;

import io.cloudya.contracts.Event;
import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.token.ReservationReleased;
import io.cloudya.contracts.token.ReservationSettled;
import io.cloudya.outbox.testing.KafkaProbe;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;

/** Reads how the ledger resolved a command's hold, from what it sends on reservation.events. */
public final class LedgerOutcomes {

    private LedgerOutcomes() {
    }

    public static Predicate<EventEnvelope<Event>> settledFor(UUID commandId) {
        return e -> e.payload() instanceof ReservationSettled s && s.commandId().equals(commandId);
    }

    public static Predicate<EventEnvelope<Event>> releasedFor(UUID commandId) {
        return e -> e.payload() instanceof ReservationReleased r && r.commandId().equals(commandId);
    }

    /** {@code commandId}'s settlement; fails after {@code wait}. The probe must read reservation.events. */
    public static ReservationSettled awaitSettled(KafkaProbe probe, UUID commandId, Duration wait) {
        return (ReservationSettled) KafkaProbe.envelope(probe.await(Topics.RESERVATION_EVENTS, settledFor(commandId),
                wait)).payload();
    }

    /** {@code commandId}'s release; fails after {@code wait}. The probe must read reservation.events. */
    public static ReservationReleased awaitReleased(KafkaProbe probe, UUID commandId, Duration wait) {
        return (ReservationReleased) KafkaProbe.envelope(probe.await(Topics.RESERVATION_EVENTS,
                releasedFor(commandId), wait)).payload();
    }
}

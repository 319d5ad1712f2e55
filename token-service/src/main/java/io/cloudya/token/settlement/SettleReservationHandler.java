package io.cloudya.token.settlement;

import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.ai.AiJobCompleted;
import io.cloudya.contracts.ai.AiJobFailed;
import io.cloudya.contracts.command.CommandCompleted;
import io.cloudya.contracts.command.CommandFailed;
import io.cloudya.outbox.ProcessedEvents;
import io.cloudya.token.config.TokenProperties;
import io.cloudya.token.events.InboundEvents;
import io.cloudya.token.events.RejectedEventException;
import io.cloudya.token.reservation.EarlyOutcomes;
import io.cloudya.token.reservation.Outcome;
import io.cloudya.token.reservation.Reservation;
import io.cloudya.token.reservation.ReservationRepository;
import io.cloudya.token.reservation.ReservationResolver;
import io.cloudya.token.reservation.ReservationStatus;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ai-worker's verdict: AiJobCompleted → settle (charge min(wordsUsed, held), release the rest); AiJobFailed →
 * release all. command-service answers from the same verdict, so the ledger and the client never disagree. The
 * legacy CommandCompleted and CommandFailed (command-service before 2026-11-28) do the same.
 * Idempotent by event id and by reservation: a reservation that is no longer pending is never touched again.
 * An outcome that overtook its CommandRequested (only a legacy one can) is parked and applied when the reservation
 * is made (and then no AI job is sent). The reservation is found by command id.
 */
@Component
public class SettleReservationHandler {

    private static final Logger log = LoggerFactory.getLogger(SettleReservationHandler.class);

    private final ProcessedEvents processed;
    private final ReservationRepository reservations;
    private final EarlyOutcomes earlyOutcomes;
    private final ReservationResolver resolver;
    private final TokenProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;

    public SettleReservationHandler(ProcessedEvents processed, ReservationRepository reservations,
                                    EarlyOutcomes earlyOutcomes, ReservationResolver resolver,
                                    TokenProperties properties, Clock clock, MeterRegistry meters) {
        this.processed = processed;
        this.reservations = reservations;
        this.earlyOutcomes = earlyOutcomes;
        this.resolver = resolver;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    @Transactional
    public void answered(EventEnvelope<AiJobCompleted> envelope) {
        AiJobCompleted done = envelope.payload();
        UUID reservationId = done.reservation() == null ? null : done.reservation().reservationId();
        apply(envelope, done.commandId(), done.userId(), reservationId, completedWith(done.wordsUsed()));
    }

    @Transactional
    public void unanswered(EventEnvelope<AiJobFailed> envelope) {
        AiJobFailed failure = envelope.payload();
        String reason = failure.code() == null ? "ai_failed" : failure.code();
        apply(envelope, failure.commandId(), failure.userId(), null, Outcome.failed(reason));
    }

    @Transactional
    public void completed(EventEnvelope<CommandCompleted> envelope) {
        CommandCompleted done = envelope.payload();
        apply(envelope, done.commandId(), done.userId(), done.reservationId(), completedWith(done.wordsUsed()));
    }

    @Transactional
    public void failed(EventEnvelope<CommandFailed> envelope) {
        CommandFailed failure = envelope.payload();
        String reason = failure.reason() == null ? "command_failed" : failure.reason();
        apply(envelope, failure.commandId(), failure.userId(), failure.reservationId(), Outcome.failed(reason));
    }

    private Outcome completedWith(int wordsUsed) {
        if (wordsUsed < 0 || wordsUsed > properties.maxWordsPerRequest()) {
            throw new RejectedEventException("bad_words_used", "wordsUsed " + wordsUsed + " outside 0.."
                    + properties.maxWordsPerRequest());
        }
        return Outcome.completed(wordsUsed);
    }

    private void apply(EventEnvelope<?> envelope, UUID commandId, String userId, UUID reservationId,
                       Outcome outcome) {
        if (commandId == null || userId == null || userId.isBlank()) {
            throw new RejectedEventException("missing_identity", envelope.type() + " needs commandId and userId");
        }
        if (!processed.markFirstDelivery(InboundEvents.GROUP, envelope.id())) {
            meters.counter("tokens.events.duplicates", "type", envelope.type()).increment();
            return;
        }
        Instant now = clock.instant();
        var found = reservations.lockWithAccount(commandId);
        if (found.isEmpty()) {
            earlyOutcomes.park(commandId, userId,
                    outcome.kind() == Outcome.Kind.COMPLETED ? (int) outcome.wordsUsed() : null, outcome.reason(), now);
            return;
        }
        // The account is locked with the reservation even when the reservation turns out resolved: one round trip
        // in the common case is worth an account lock held needlessly, until this transaction ends, in the rare one.
        Reservation r = found.get().reservation();
        if (!r.userId().equals(userId) || (reservationId != null && !reservationId.equals(r.reservationId()))) {
            throw new RejectedEventException("reservation_mismatch", envelope.type() + " for command " + commandId
                    + " names another user or reservation");
        }
        if (r.status() != ReservationStatus.PENDING) {
            log.info("{} for command {} ignored: its reservation is already {}", envelope.type(), commandId,
                    r.status());
            meters.counter("tokens.outcome.already_resolved", "status", r.status().name()).increment();
            return;
        }
        resolver.resolve(r, found.get().account(), outcome, envelope.id(), envelope.traceId(), now);
    }
}

package io.cloudya.token.reservation;

import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.command.AiJobRequested;
import io.cloudya.contracts.command.CommandRequested;
import io.cloudya.contracts.token.HeldTokens;
import io.cloudya.contracts.token.TokensRejected;
import io.cloudya.outbox.ProcessedEvents;
import io.cloudya.token.account.AccountOpener;
import io.cloudya.token.account.TokenAccount;
import io.cloudya.token.config.TokenProperties;
import io.cloudya.token.events.InboundEvents;
import io.cloudya.token.events.RejectedEventException;
import io.cloudya.token.events.TokenEvents;
import io.cloudya.token.ledger.BalanceMath;
import io.cloudya.token.ledger.EntryCode;
import io.cloudya.token.ledger.Hold;
import io.cloudya.token.ledger.Ledger;
import io.cloudya.token.plans.PlanCatalog;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * CommandRequested → the AI job (AiJobRequested carrying the hold, on the request's lane) or TokensRejected.
 * Sending the job from here, in the transaction that holds the tokens, keeps command-service off the answer's path.
 * Idempotent by event id (processed_event) and by command id (one reservation row per command, rejected ones
 * included). The plan used to size the hold is the ledger's, not the event's.
 */
@Component
public class ReserveTokensHandler {

    private final ProcessedEvents processed;
    private final AccountOpener opener;
    private final ReservationRepository reservations;
    private final EarlyOutcomes earlyOutcomes;
    private final ReservationResolver resolver;
    private final Ledger ledger;
    private final TokenEvents events;
    private final PlanCatalog plans;
    private final TokenProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;

    public ReserveTokensHandler(ProcessedEvents processed, AccountOpener opener, ReservationRepository reservations,
                                EarlyOutcomes earlyOutcomes, ReservationResolver resolver, Ledger ledger,
                                TokenEvents events, PlanCatalog plans, TokenProperties properties, Clock clock,
                                MeterRegistry meters) {
        this.processed = processed;
        this.opener = opener;
        this.reservations = reservations;
        this.earlyOutcomes = earlyOutcomes;
        this.resolver = resolver;
        this.ledger = ledger;
        this.events = events;
        this.plans = plans;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    @Transactional
    public void handle(EventEnvelope<CommandRequested> envelope) {
        CommandRequested request = envelope.payload();
        validate(request);
        if (!processed.markFirstDelivery(InboundEvents.GROUP, envelope.id())
                || reservations.existsForCommand(request.commandId())) {
            meters.counter("tokens.events.duplicates", "type", "CommandRequested").increment();
            return;
        }
        Instant now = clock.instant();
        TokenAccount account = opener.lockOrOpen(request.userId(), envelope.id(), now);
        long planCap = plans.get(account.plan()).wordsPerAnswer();
        long wanted = Math.min(planCap, request.maxWords());
        long amount = ReservationSizer.size(planCap, request.maxWords(), account.balance().available(),
                properties.minReservation());
        Hold hold = BalanceMath.holdFor(account.balance(), amount);
        var reservation = new Reservation(Reservation.idFor(request.commandId()), request.commandId(),
                request.userId(), wanted, hold, account.periodStart(),
                amount == 0 ? ReservationStatus.REJECTED : ReservationStatus.PENDING,
                now.plus(properties.reservationTtl()), now);
        reservations.insert(reservation);
        if (amount == 0) {
            reject(envelope, account, wanted);
            return;
        }
        var after = BalanceMath.hold(account.balance(), hold);
        ledger.post(new Ledger.Posting(request.userId(), EntryCode.RESERVE, amount, account.balance(), after,
                reservation.reservationId().toString(), envelope.id(), now));
        meters.counter("tokens.reserved").increment(amount);
        Optional<Outcome> early = earlyOutcomes.take(request.commandId());
        if (early.isPresent()) {
            // the command already ended (failed, timed out, answered) before the ledger saw it: no job to run
            resolver.resolve(reservation, account.withBalance(after), early.get(), envelope.id(), envelope.traceId(),
                    now);
            return;
        }
        // an older producer gives no deadline: the job is worth nothing once its hold expires
        Instant deadline = request.deadline() != null ? request.deadline() : reservation.expiresAt();
        var held = new HeldTokens(reservation.reservationId(), amount, after.available());
        events.aiJob(request.userId(), envelope.traceId(), request.prioritized(),
                AiJobRequested.of(request, held, deadline));
    }

    private void reject(EventEnvelope<CommandRequested> envelope, TokenAccount account, long wanted) {
        CommandRequested request = envelope.payload();
        earlyOutcomes.take(request.commandId());
        events.reservation(request.userId(), envelope.traceId(), new TokensRejected(request.commandId(),
                request.userId(), wanted, account.balance().available(), account.plan()));
        meters.counter("tokens.rejected").increment();
    }

    private void validate(CommandRequested request) {
        if (request.commandId() == null || request.userId() == null || request.userId().isBlank()) {
            throw new RejectedEventException("missing_identity", "CommandRequested needs commandId and userId");
        }
        if (request.maxWords() <= 0 || request.maxWords() > properties.maxWordsPerRequest()) {
            throw new RejectedEventException("bad_max_words", "maxWords " + request.maxWords() + " outside 1.."
                    + properties.maxWordsPerRequest());
        }
    }
}

package io.cloudya.token.reservation;

import io.cloudya.token.account.AccountRepository;
import io.cloudya.token.config.TokenProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Releases reservations nobody settled before their deadline (reason {@code expired}). Each reservation is claimed
 * in its own transaction with {@code FOR UPDATE SKIP LOCKED}, so several instances sweep side by side and a
 * settlement holding the row is never waited on: whichever commits first resolves it, the other sees it resolved.
 */
@Component
public class ExpiredReservationSweeper {

    private final ReservationRepository reservations;
    private final AccountRepository accounts;
    private final ReservationResolver resolver;
    private final TransactionTemplate transactions;
    private final TokenProperties properties;
    private final Clock clock;

    public ExpiredReservationSweeper(ReservationRepository reservations, AccountRepository accounts,
                                     ReservationResolver resolver, TransactionTemplate transactions,
                                     TokenProperties properties, Clock clock) {
        this.reservations = reservations;
        this.accounts = accounts;
        this.resolver = resolver;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${cloudya.token.sweep-interval:5s}")
    void sweepNow() {
        sweep(clock.instant());
    }

    /** Expires what is overdue at {@code now}; returns how many reservations this call released. */
    public int sweep(Instant now) {
        int released = 0;
        for (UUID id : reservations.expiredPendingIds(now, properties.sweepBatch())) {
            if (Boolean.TRUE.equals(transactions.execute(tx -> expire(id, now)))) {
                released++;
            }
        }
        return released;
    }

    private boolean expire(UUID reservationId, Instant now) {
        var claimed = reservations.claimExpired(reservationId, now);
        if (claimed.isEmpty()) {
            return false;
        }
        Reservation r = claimed.get();
        var account = accounts.lock(r.userId()).orElseThrow();
        resolver.resolve(r, account, Outcome.expired(), null, null, now);
        return true;
    }
}

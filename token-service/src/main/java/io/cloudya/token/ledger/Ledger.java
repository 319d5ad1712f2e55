package io.cloudya.token.ledger;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only writer of balances: appends one entry whose deltas are exactly {@code after − before} and moves the
 * account row from {@code before} to {@code after} in the same statement. The UPDATE is guarded by the old values,
 * so a caller that forgot to lock the account fails loudly instead of losing an update. Entry and move are one
 * round trip (data-modifying CTEs); the count of moved rows comes back and anything but 1 aborts the transaction.
 */
@Component
public class Ledger {

    private static final String ENTRY_AND_MOVE = """
            WITH entry AS (
                INSERT INTO ledger_entry (user_id, code, amount, d_rolled_over, d_allowance, d_purchased, d_reserved,
                    credit, debit, available_after, ref, event_id, created_at)
                VALUES (:user, :code, :amount, :dr, :da, :dp, :dres, :credit, :debit, :available, :ref, :event, :at)
            ), moved AS (
                UPDATE token_account SET rolled_over = :r, allowance = :a, purchased = :p, reserved = :res,
                    credits_posted = :c, debits_posted = :d, updated_at = :at
                WHERE user_id = :user AND rolled_over = :r0 AND allowance = :a0 AND purchased = :p0
                    AND reserved = :res0 AND credits_posted = :c0 AND debits_posted = :d0
                RETURNING 1
            )""";

    private static final String POST = ENTRY_AND_MOVE + """

            SELECT (SELECT count(*) FROM moved) AS moved, 1 AS closed""";

    // The hold's reservation leaves PENDING in the same statement that returns its tokens to the buckets.
    private static final String POST_CLOSING_HOLD = ENTRY_AND_MOVE + """
            , closed AS (
                UPDATE reservation SET status = :status, charged = :charged, released = :released, resolved_at = :at
                WHERE reservation_id = :reservation AND status = 'PENDING'
                RETURNING 1
            )
            SELECT (SELECT count(*) FROM moved) AS moved, (SELECT count(*) FROM closed) AS closed""";

    private final JdbcClient jdbc;

    public Ledger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Balance post(Posting posting) {
        execute(bind(jdbc.sql(POST), posting), posting);
        return posting.after();
    }

    /**
     * Posts the entry that resolves a reservation's hold and marks the reservation resolved, in one statement.
     * The reservation must still be PENDING (the caller holds its lock): otherwise this fails instead of resolving
     * a hold twice.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Balance postClosingHold(Posting posting, HoldClosure closure) {
        execute(bind(jdbc.sql(POST_CLOSING_HOLD), posting)
                .param("status", closure.status()).param("charged", closure.charged())
                .param("released", closure.released()).param("reservation", closure.reservationId()), posting);
        return posting.after();
    }

    private static void execute(JdbcClient.StatementSpec statement, Posting posting) {
        long[] counts = statement.query((rs, row) -> new long[] {rs.getLong("moved"), rs.getLong("closed")}).single();
        if (counts[0] != 1) {
            throw new IllegalStateException("account " + posting.userId() + " changed under an unlocked ledger posting");
        }
        if (counts[1] != 1) {
            throw new IllegalStateException("reservation " + posting.ref() + " was no longer pending when resolved");
        }
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Posting posting) {
        Balance before = posting.before();
        Balance after = posting.after();
        return statement
                .param("user", posting.userId())
                .param("code", posting.code().name())
                .param("amount", posting.amount())
                .param("dr", after.rolledOver() - before.rolledOver())
                .param("da", after.allowance() - before.allowance())
                .param("dp", after.purchased() - before.purchased())
                .param("dres", after.reserved() - before.reserved())
                .param("credit", after.creditsPosted() - before.creditsPosted())
                .param("debit", after.debitsPosted() - before.debitsPosted())
                .param("available", after.available())
                .param("ref", posting.ref())
                .param("event", posting.eventId())
                .param("at", Timestamp.from(posting.at()))
                .param("r", after.rolledOver()).param("a", after.allowance()).param("p", after.purchased())
                .param("res", after.reserved()).param("c", after.creditsPosted()).param("d", after.debitsPosted())
                .param("r0", before.rolledOver()).param("a0", before.allowance()).param("p0", before.purchased())
                .param("res0", before.reserved()).param("c0", before.creditsPosted())
                .param("d0", before.debitsPosted());
    }

    /** One entry to append: {@code before} is the account's balance as locked, {@code after} the new one. */
    public record Posting(String userId, EntryCode code, long amount, Balance before, Balance after,
                          String ref, UUID eventId, Instant at) {
    }
}

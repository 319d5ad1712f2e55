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
 * account row from {@code before} to {@code after} in the same transaction. The UPDATE is guarded by the old
 * values, so a caller that forgot to lock the account fails loudly instead of losing an update.
 */
@Component
public class Ledger {

    private final JdbcClient jdbc;

    public Ledger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Balance post(Posting posting) {
        Balance before = posting.before();
        Balance after = posting.after();
        jdbc.sql("""
                INSERT INTO ledger_entry (user_id, code, amount, d_rolled_over, d_allowance, d_purchased, d_reserved,
                    credit, debit, available_after, ref, event_id, created_at)
                VALUES (:user, :code, :amount, :dr, :da, :dp, :dres, :credit, :debit, :available, :ref, :event, :at)
                """)
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
                .update();
        moveAccount(posting.userId(), before, after, posting.at());
        return after;
    }

    private void moveAccount(String userId, Balance before, Balance after, Instant at) {
        int updated = jdbc.sql("""
                UPDATE token_account SET rolled_over = :r, allowance = :a, purchased = :p, reserved = :res,
                    credits_posted = :c, debits_posted = :d, updated_at = :at
                WHERE user_id = :user AND rolled_over = :r0 AND allowance = :a0 AND purchased = :p0
                    AND reserved = :res0 AND credits_posted = :c0 AND debits_posted = :d0
                """)
                .param("r", after.rolledOver()).param("a", after.allowance()).param("p", after.purchased())
                .param("res", after.reserved()).param("c", after.creditsPosted()).param("d", after.debitsPosted())
                .param("r0", before.rolledOver()).param("a0", before.allowance()).param("p0", before.purchased())
                .param("res0", before.reserved()).param("c0", before.creditsPosted())
                .param("d0", before.debitsPosted())
                .param("at", Timestamp.from(at)).param("user", userId)
                .update();
        if (updated != 1) {
            throw new IllegalStateException("account " + userId + " changed under an unlocked ledger posting");
        }
    }

    /** One entry to append: {@code before} is the account's balance as locked, {@code after} the new one. */
    public record Posting(String userId, EntryCode code, long amount, Balance before, Balance after,
                          String ref, UUID eventId, Instant at) {
    }
}

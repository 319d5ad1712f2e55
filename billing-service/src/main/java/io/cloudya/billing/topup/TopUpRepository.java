package io.cloudya.billing.topup;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Paid top-ups and what has been refunded of them. */
@Repository
class TopUpRepository {

    private final JdbcClient jdbc;

    TopUpRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Insert-first on the session id: true only for the first completion of that session. */
    boolean insertFirst(String sessionId, String userId, String paymentIntentId, long tokens, long amountCents,
                        String currency) {
        return jdbc.sql("""
                INSERT INTO top_up (id, user_id, payment_intent_id, tokens, amount_cents, currency)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(sessionId, userId, paymentIntentId, tokens, amountCents, currency).update() == 1;
    }

    Optional<TopUp> lockByPaymentIntent(String paymentIntentId) {
        return jdbc.sql("""
                SELECT id, user_id, tokens, amount_cents, refunded_cents, refunded_tokens FROM top_up
                WHERE payment_intent_id = ? FOR UPDATE""")
                .param(paymentIntentId)
                .query((rs, n) -> new TopUp(rs.getString("id"), rs.getString("user_id"), rs.getLong("tokens"),
                        rs.getLong("amount_cents"), rs.getLong("refunded_cents"), rs.getLong("refunded_tokens")))
                .optional();
    }

    void refunded(String id, long refundedCents, long refundedTokens) {
        jdbc.sql("UPDATE top_up SET refunded_cents = ?, refunded_tokens = ? WHERE id = ?")
                .params(refundedCents, refundedTokens, id).update();
    }
}

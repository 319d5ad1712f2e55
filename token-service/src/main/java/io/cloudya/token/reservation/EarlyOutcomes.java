package io.cloudya.token.reservation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Outcomes (CommandCompleted/CommandFailed) that arrived before their CommandRequested. Parked here and applied
 * by the reservation's transaction, so the arrival order of the two copies of each event cannot lose a charge.
 */
@Repository
public class EarlyOutcomes {

    private final JdbcClient jdbc;

    public EarlyOutcomes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The first outcome for a command wins; a later one for the same command changes nothing. */
    public void park(UUID commandId, String userId, Integer wordsUsed, String failureReason, Instant at) {
        jdbc.sql("""
                INSERT INTO early_outcome (command_id, user_id, words_used, failure_reason, received_at)
                VALUES (:c, :u, :w, :f, :at) ON CONFLICT (command_id) DO NOTHING
                """)
                .param("c", commandId).param("u", userId).param("w", wordsUsed).param("f", failureReason)
                .param("at", Timestamp.from(at))
                .update();
    }

    public Optional<Outcome> take(UUID commandId) {
        return jdbc.sql("DELETE FROM early_outcome WHERE command_id = :c RETURNING words_used, failure_reason")
                .param("c", commandId)
                .query((rs, row) -> {
                    int words = rs.getInt("words_used");
                    return rs.wasNull() ? Outcome.failed(rs.getString("failure_reason")) : Outcome.completed(words);
                })
                .optional();
    }
}

package io.cloudya.command.store;

import io.cloudya.contracts.ai.AiJobCompleted;
import io.cloudya.contracts.token.TokensReserved;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The saga's status changes, each one guarded UPDATE … RETURNING: a change happens only from the state the saga
 * expects, so racing deliveries and the deadline decide by the row (PostgreSQL re-checks the WHERE after a
 * concurrent update), never by arrival order. An empty result means "not from this state: nothing to do".
 */
@Repository
public class CommandTransitions {

    private final JdbcClient jdbc;
    private final StoredCommandMapper mapper = new StoredCommandMapper();

    public CommandTransitions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the reservation once. A PENDING command becomes RESERVED; a command that already TIMED_OUT keeps its
     * status but gets the reservation too, so the caller can release it.
     */
    public Optional<StoredCommand> reserve(TokensReserved reserved) {
        return jdbc.sql("""
                UPDATE command SET reservation_id = :reservationId, reserved_tokens = :amount,
                       available_after = :availableAfter,
                       status = CASE status WHEN 'PENDING' THEN 'RESERVED' ELSE status END
                WHERE id = :id AND reservation_id IS NULL AND status IN ('PENDING', 'TIMED_OUT')
                RETURNING *
                """)
                .param("reservationId", reserved.reservationId())
                .param("amount", reserved.amount())
                .param("availableAfter", reserved.availableAfter())
                .param("id", reserved.commandId())
                .query(mapper)
                .optional();
    }

    public Optional<StoredCommand> reject(UUID id, String message, Instant at) {
        return finish(id, "'PENDING'", "REJECTED", "insufficient_tokens", message, at);
    }

    /** Records the answer and charges {@code min(words, reserved)} (see {@link Reservation#charge}). */
    public Optional<StoredCommand> complete(AiJobCompleted answer, Instant at) {
        return jdbc.sql("""
                UPDATE command SET status = 'COMPLETED', completed_at = :at, response = :response,
                       commands = CAST(:commands AS jsonb), provider = :provider, model = :model,
                       words_used = LEAST(GREATEST(:words, 0), reserved_tokens)
                WHERE id = :id AND status = 'RESERVED'
                RETURNING *
                """)
                .param("at", Timestamp.from(at))
                .param("response", answer.response())
                .param("commands", mapper.commandsJson(answer.commands()))
                .param("provider", answer.provider())
                .param("model", answer.model())
                .param("words", answer.wordsUsed())
                .param("id", answer.commandId())
                .query(mapper)
                .optional();
    }

    public Optional<StoredCommand> fail(UUID id, String code, String message, Instant at) {
        return finish(id, "'RESERVED'", "FAILED", code, message, at);
    }

    /** The deadline passed while the command still waited, for the ledger or for the ai-worker. */
    public Optional<StoredCommand> timeOut(UUID id, Instant at) {
        return finish(id, "'PENDING', 'RESERVED'", "TIMED_OUT", "answer_timeout", "No answer arrived in time.", at);
    }

    private Optional<StoredCommand> finish(UUID id, String fromStatuses, String status, String code, String message,
                                           Instant at) {
        // fromStatuses and status are constants of this class, never user input
        return jdbc.sql("UPDATE command SET status = '" + status + "', completed_at = :at, failure_code = :code, "
                        + "failure_message = :message WHERE id = :id AND status IN (" + fromStatuses + ") RETURNING *")
                .param("at", Timestamp.from(at))
                .param("code", code)
                .param("message", message)
                .param("id", id)
                .query(mapper)
                .optional();
    }
}

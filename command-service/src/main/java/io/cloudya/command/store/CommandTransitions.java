package io.cloudya.command.store;

import io.cloudya.contracts.ai.AiJobCompleted;
import io.cloudya.contracts.token.HeldTokens;
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

    public Optional<StoredCommand> reject(UUID id, String message, Instant at) {
        return finish(id, "'PENDING'", "REJECTED", "insufficient_tokens", message, at);
    }

    /**
     * Records the answer with the ledger's hold it hands back, and charges {@code min(words, held)} (see
     * {@link HeldTokens#charge}). A row from before holds come back with the answer (RESERVED) keeps its own.
     */
    public Optional<StoredCommand> complete(AiJobCompleted answer, Instant at) {
        HeldTokens held = answer.reservation();
        return jdbc.sql("""
                UPDATE command SET status = 'COMPLETED', completed_at = :at, response = :response,
                       commands = CAST(:commands AS jsonb), provider = :provider, model = :model,
                       reservation_id = COALESCE(reservation_id, CAST(:reservationId AS uuid)),
                       reserved_tokens = COALESCE(reserved_tokens, CAST(:amount AS bigint)),
                       available_after = COALESCE(available_after, CAST(:availableAfter AS bigint)),
                       words_used = LEAST(GREATEST(:words, 0), COALESCE(reserved_tokens, CAST(:amount AS bigint)))
                WHERE id = :id AND status IN ('PENDING', 'RESERVED')
                RETURNING *
                """)
                .param("reservationId", held == null ? null : held.reservationId())
                .param("amount", held == null ? null : held.amount())
                .param("availableAfter", held == null ? null : held.availableAfter())
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
        return finish(id, "'PENDING', 'RESERVED'", "FAILED", code, message, at);
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

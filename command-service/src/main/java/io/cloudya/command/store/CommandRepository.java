package io.cloudya.command.store;

import io.cloudya.contracts.ai.AiJobCompleted;
import io.cloudya.contracts.ai.AiJobFailed;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code command} table. Outcome updates only touch PENDING rows: a command that timed out has been
 * answered with 504 already, so a late answer must not turn it into a success the client never saw.
 */
@Repository
public class CommandRepository {

    private final JdbcClient jdbc;
    private final StoredCommandMapper mapper = new StoredCommandMapper();

    public CommandRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(NewCommand command) {
        jdbc.sql("""
                INSERT INTO command (id, user_id, plan, user_input, execution_mode, status, created_at)
                VALUES (:id, :userId, :plan, :userInput, :mode, 'PENDING', :createdAt)
                """)
                .param("id", command.id())
                .param("userId", command.userId())
                .param("plan", command.plan())
                .param("userInput", command.userInput())
                .param("mode", command.executionMode().wireName())
                .param("createdAt", Timestamp.from(command.createdAt()))
                .update();
    }

    /** Returns the number of rows changed: 0 when the command is unknown or no longer pending. */
    public int recordCompleted(AiJobCompleted answer, Instant at) {
        return jdbc.sql("""
                UPDATE command SET status = 'COMPLETED', completed_at = :at, response = :response,
                       commands = CAST(:commands AS jsonb), provider = :provider, model = :model, words_used = :words
                WHERE id = :id AND status = 'PENDING'
                """)
                .param("at", Timestamp.from(at))
                .param("response", answer.response())
                .param("commands", mapper.commandsJson(answer.commands()))
                .param("provider", answer.provider())
                .param("model", answer.model())
                .param("words", answer.wordsUsed())
                .param("id", answer.commandId())
                .update();
    }

    public int recordFailed(AiJobFailed failure, Instant at) {
        return jdbc.sql("""
                UPDATE command SET status = 'FAILED', completed_at = :at, failure_code = :code,
                       failure_message = :message
                WHERE id = :id AND status = 'PENDING'
                """)
                .param("at", Timestamp.from(at))
                .param("code", failure.code())
                .param("message", failure.message())
                .param("id", failure.commandId())
                .update();
    }

    public int markTimedOut(UUID id, Instant at) {
        return jdbc.sql("""
                UPDATE command SET status = 'TIMED_OUT', completed_at = :at WHERE id = :id AND status = 'PENDING'
                """)
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    public Optional<StoredCommand> findForUser(UUID id, String userId) {
        return jdbc.sql("SELECT * FROM command WHERE id = :id AND user_id = :userId")
                .param("id", id)
                .param("userId", userId)
                .query(mapper)
                .optional();
    }

    public List<StoredCommand> pageForUser(String userId, int page, int size) {
        return jdbc.sql("""
                SELECT * FROM command WHERE user_id = :userId
                ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset
                """)
                .param("userId", userId)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query(mapper)
                .list();
    }

    public long countForUser(String userId) {
        return jdbc.sql("SELECT count(*) FROM command WHERE user_id = :userId")
                .param("userId", userId)
                .query(Long.class)
                .single();
    }
}

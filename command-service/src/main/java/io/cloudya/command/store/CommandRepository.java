package io.cloudya.command.store;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code command} table: accepting a command and reading it back. Status changes live in {@link CommandTransitions}. */
@Repository
public class CommandRepository {

    private final JdbcClient jdbc;
    private final StoredCommandMapper mapper = new StoredCommandMapper();

    public CommandRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(NewCommand command) {
        jdbc.sql("""
                INSERT INTO command (id, user_id, plan, user_input, execution_mode, status, created_at, trace_id,
                                     conversation_id, streamed)
                VALUES (:id, :userId, :plan, :userInput, :mode, 'PENDING', :createdAt, :traceId, :conversationId,
                        :streamed)
                """)
                .param("id", command.id())
                .param("userId", command.userId())
                .param("plan", command.plan())
                .param("userInput", command.userInput())
                .param("mode", command.executionMode().wireName())
                .param("createdAt", Timestamp.from(command.createdAt()))
                .param("traceId", command.traceId())
                .param("conversationId", command.conversationId())
                .param("streamed", command.streamed())
                .update();
    }

    public Optional<StoredCommand> findById(UUID id) {
        return jdbc.sql("SELECT * FROM command WHERE id = :id").param("id", id).query(mapper).optional();
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

package io.cloudya.command.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code conversation} table. Reads are always scoped to the caller: another user's thread does not exist. */
@Repository
public class ConversationRepository {

    private final JdbcClient jdbc;

    public ConversationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void create(UUID id, String userId, String title, Instant at) {
        jdbc.sql("""
                INSERT INTO conversation (id, user_id, title, created_at, updated_at)
                VALUES (:id, :userId, :title, :at, :at)
                """)
                .param("id", id).param("userId", userId).param("title", title).param("at", Timestamp.from(at))
                .update();
    }

    void touch(UUID id, Instant at) {
        jdbc.sql("UPDATE conversation SET updated_at = :at WHERE id = :id")
                .param("at", Timestamp.from(at)).param("id", id).update();
    }

    public Optional<Conversation> findForUser(UUID id, String userId) {
        return jdbc.sql("SELECT * FROM conversation WHERE id = :id AND user_id = :userId")
                .param("id", id).param("userId", userId)
                .query(ConversationRepository::map).optional();
    }

    public List<Conversation> pageForUser(String userId, int page, int size) {
        return jdbc.sql("""
                SELECT * FROM conversation WHERE user_id = :userId
                ORDER BY updated_at DESC, id DESC LIMIT :limit OFFSET :offset
                """)
                .param("userId", userId).param("limit", size).param("offset", (long) page * size)
                .query(ConversationRepository::map).list();
    }

    public long countForUser(String userId) {
        return jdbc.sql("SELECT count(*) FROM conversation WHERE user_id = :userId")
                .param("userId", userId).query(Long.class).single();
    }

    private static Conversation map(ResultSet rs, int row) throws SQLException {
        return new Conversation(rs.getObject("id", UUID.class), rs.getString("user_id"), rs.getString("title"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}

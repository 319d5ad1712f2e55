package io.cloudya.command.conversation;

import io.cloudya.contracts.command.ChatTurn;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code chat_message} table; the bigserial id is the order of a conversation. */
@Repository
public class ChatMessageRepository {

    private final JdbcClient jdbc;

    public ChatMessageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void append(UUID conversationId, UUID commandId, String role, String content, Instant at) {
        jdbc.sql("""
                INSERT INTO chat_message (conversation_id, command_id, role, content, created_at)
                VALUES (:conversationId, :commandId, :role, :content, :at)
                """)
                .param("conversationId", conversationId).param("commandId", commandId).param("role", role)
                .param("content", content).param("at", Timestamp.from(at))
                .update();
    }

    public List<StoredChatMessage> messages(UUID conversationId, int limit) {
        return jdbc.sql("""
                SELECT * FROM (SELECT * FROM chat_message WHERE conversation_id = :id ORDER BY id DESC LIMIT :limit) m
                ORDER BY id
                """)
                .param("id", conversationId).param("limit", limit)
                .query(ChatMessageRepository::map).list();
    }

    /**
     * The answered exchanges before {@code commandId}, oldest first, at most the newest {@code limit} messages.
     * Questions that failed or are still open are left out: the model should not see a question without its answer.
     */
    List<ChatTurn> answeredBefore(UUID conversationId, UUID commandId, int limit) {
        return jdbc.sql("""
                SELECT role, content FROM (
                    SELECT m.id, m.role, m.content FROM chat_message m JOIN command c ON c.id = m.command_id
                    WHERE m.conversation_id = :id AND c.status = 'COMPLETED' AND m.command_id <> :commandId
                    ORDER BY m.id DESC LIMIT :limit) recent
                ORDER BY id
                """)
                .param("id", conversationId).param("commandId", commandId).param("limit", limit)
                .query((rs, row) -> new ChatTurn(rs.getString("role"), rs.getString("content"))).list();
    }

    private static StoredChatMessage map(ResultSet rs, int row) throws SQLException {
        return new StoredChatMessage(rs.getString("role"), rs.getString("content"),
                rs.getObject("command_id", UUID.class), rs.getTimestamp("created_at").toInstant());
    }
}

package io.cloudya.aiworker.job;

import java.sql.Timestamp;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code ai_job} table. */
@Repository
public class AiJobRepository {

    private final JdbcClient jdbc;

    public AiJobRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(AiJob job) {
        jdbc.sql("""
                INSERT INTO ai_job (id, command_id, user_id, provider, model, words_used, created_at)
                VALUES (:id, :commandId, :userId, :provider, :model, :words, :createdAt)
                """)
                .param("id", job.id())
                .param("commandId", job.commandId())
                .param("userId", job.userId())
                .param("provider", job.provider())
                .param("model", job.model())
                .param("words", job.wordsUsed())
                .param("createdAt", Timestamp.from(job.createdAt()))
                .update();
    }

    public long countForCommand(UUID commandId) {
        return jdbc.sql("SELECT count(*) FROM ai_job WHERE command_id = :id")
                .param("id", commandId)
                .query(Long.class)
                .single();
    }
}

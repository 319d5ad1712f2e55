package io.cloudya.auth.apikey;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code api_key} table: the SHA-256 of each key, never the key. */
@Repository
class ApiKeyRepository {

    /** The owner of a live key, as the verify endpoint needs it. */
    record KeyOwner(UUID keyId, UUID userId) {
    }

    private final JdbcClient jdbc;

    ApiKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID userId, String name, String prefix, byte[] hash, Instant createdAt) {
        jdbc.sql("""
                INSERT INTO api_key (id, user_id, name, prefix, key_hash, created_at)
                VALUES (:id, :user, :name, :prefix, :hash, :at)
                """).param("id", id).param("user", userId).param("name", name).param("prefix", prefix)
                .param("hash", hash).param("at", Timestamp.from(createdAt)).update();
    }

    List<ApiKeyView> listLive(UUID userId) {
        return jdbc.sql("""
                SELECT id, name, prefix, created_at, last_used_at FROM api_key
                WHERE user_id = :user AND revoked_at IS NULL ORDER BY created_at
                """).param("user", userId)
                .query((rs, row) -> new ApiKeyView(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("prefix"), rs.getTimestamp("created_at").toInstant(),
                        instant(rs.getTimestamp("last_used_at"))))
                .list();
    }

    boolean revoke(UUID userId, UUID id, Instant at) {
        return jdbc.sql("""
                UPDATE api_key SET revoked_at = :at WHERE id = :id AND user_id = :user AND revoked_at IS NULL
                """).param("id", id).param("user", userId).param("at", Timestamp.from(at)).update() == 1;
    }

    /** Finds the live key with this hash and stamps its last use in the same statement. */
    Optional<KeyOwner> useLive(byte[] hash, Instant at) {
        return jdbc.sql("""
                UPDATE api_key SET last_used_at = :at WHERE key_hash = :hash AND revoked_at IS NULL
                RETURNING id, user_id
                """).param("hash", hash).param("at", Timestamp.from(at))
                .query((rs, row) -> new KeyOwner(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class)))
                .optional();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

package io.cloudya.auth.session;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code refresh_token} table: hashes only, grouped in families (one family per sign-in). */
@Repository
class RefreshTokenRepository {

    /** One stored refresh token; {@code spent} is true once used for a refresh or revoked. */
    record StoredRefreshToken(UUID id, UUID familyId, UUID userId, Instant expiresAt, boolean spent) {
    }

    private final JdbcClient jdbc;

    RefreshTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID familyId, UUID userId, byte[] hash, Instant expiresAt) {
        jdbc.sql("""
                INSERT INTO refresh_token (id, family_id, user_id, token_hash, expires_at)
                VALUES (:id, :family, :user, :hash, :expires)
                """).param("id", UUID.randomUUID()).param("family", familyId).param("user", userId)
                .param("hash", hash).param("expires", Timestamp.from(expiresAt)).update();
    }

    /** Locks the row, so two concurrent refreshes with the same token cannot both succeed. */
    Optional<StoredRefreshToken> findForUpdate(byte[] hash) {
        return jdbc.sql("""
                SELECT id, family_id, user_id, expires_at, (used_at IS NOT NULL OR revoked_at IS NOT NULL) AS spent
                FROM refresh_token WHERE token_hash = :hash FOR UPDATE
                """).param("hash", hash)
                .query((rs, row) -> new StoredRefreshToken(rs.getObject("id", UUID.class),
                        rs.getObject("family_id", UUID.class), rs.getObject("user_id", UUID.class),
                        rs.getTimestamp("expires_at").toInstant(), rs.getBoolean("spent")))
                .optional();
    }

    void markUsed(UUID id, Instant at) {
        jdbc.sql("UPDATE refresh_token SET used_at = :at WHERE id = :id")
                .param("id", id).param("at", Timestamp.from(at)).update();
    }

    void revokeFamily(UUID familyId, Instant at) {
        jdbc.sql("UPDATE refresh_token SET revoked_at = :at WHERE family_id = :family AND revoked_at IS NULL")
                .param("family", familyId).param("at", Timestamp.from(at)).update();
    }
}

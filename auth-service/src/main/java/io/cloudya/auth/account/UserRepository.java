package io.cloudya.auth.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code app_user} table. Emails are stored lower-cased, so uniqueness ignores case. */
@Repository
public class UserRepository {

    private static final String COLUMNS = "id, email, password_hash, plan, pending_plan, pending_plan_at";

    private final JdbcClient jdbc;

    public UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the account; a duplicate email surfaces as Spring's DuplicateKeyException. */
    public void insert(UUID id, String email, String passwordHash, String plan) {
        jdbc.sql("INSERT INTO app_user (id, email, password_hash, plan) VALUES (:id, :email, :hash, :plan)")
                .param("id", id).param("email", email).param("hash", passwordHash).param("plan", plan)
                .update();
    }

    public boolean emailExists(String email) {
        return jdbc.sql("SELECT count(*) FROM app_user WHERE email = :email").param("email", email)
                .query(Long.class).single() > 0;
    }

    public Optional<UserAccount> findByEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE email = :email").param("email", email)
                .query(UserRepository::map).optional();
    }

    public Optional<UserAccount> findById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE id = :id").param("id", id)
                .query(UserRepository::map).optional();
    }

    private static UserAccount map(ResultSet rs, int row) throws SQLException {
        Timestamp pendingAt = rs.getTimestamp("pending_plan_at");
        return new UserAccount(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("password_hash"),
                rs.getString("plan"), rs.getString("pending_plan"), pendingAt == null ? null : pendingAt.toInstant());
    }
}

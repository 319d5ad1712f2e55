package io.cloudya.token.reservation;

import io.cloudya.token.account.AccountRepository;
import io.cloudya.token.ledger.Hold;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** reservation rows. Lock order everywhere: the reservation first, then its account. */
@Repository
public class ReservationRepository {

    private static final String COLUMNS = "reservation_id, command_id, user_id, requested, hold_rolled_over, "
            + "hold_allowance, hold_purchased, period_start, status, expires_at, created_at";
    private static final String ACCOUNT_PREFIX = "account_";
    private static final String JOINED_COLUMNS = "r." + COLUMNS.replace(", ", ", r.") + ", "
            + AccountRepository.columnsAs("a", ACCOUNT_PREFIX);

    private final JdbcClient jdbc;

    public ReservationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean existsForCommand(UUID commandId) {
        return jdbc.sql("SELECT count(*) FROM reservation WHERE command_id = :c").param("c", commandId)
                .query(Long.class).single() > 0;
    }

    /**
     * A command's reservation and its account, both locked, in one round trip. The locks are taken in the order
     * the OF clause names them, so the lock order (reservation, then account) is the same as everywhere else.
     */
    public Optional<LockedReservation> lockWithAccount(UUID commandId) {
        return jdbc.sql("SELECT " + JOINED_COLUMNS + " FROM reservation r JOIN token_account a ON a.user_id = r.user_id"
                        + " WHERE r.command_id = :c FOR UPDATE OF r, a")
                .param("c", commandId)
                .query((rs, row) -> new LockedReservation(map(rs, row), AccountRepository.map(rs, ACCOUNT_PREFIX)))
                .optional();
    }

    /** The ids of pending reservations past their deadline (no lock: each is claimed in its own transaction). */
    public List<UUID> expiredPendingIds(Instant now, int limit) {
        return jdbc.sql("SELECT reservation_id FROM reservation WHERE status = 'PENDING' AND expires_at <= :now "
                        + "ORDER BY expires_at LIMIT :limit")
                .param("now", Timestamp.from(now)).param("limit", limit).query(UUID.class).list();
    }

    /** Claims one expired pending reservation; empty when resolved meanwhile or held by another instance. */
    public Optional<Reservation> claimExpired(UUID reservationId, Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM reservation WHERE reservation_id = :id AND status = 'PENDING' "
                        + "AND expires_at <= :now FOR UPDATE SKIP LOCKED")
                .param("id", reservationId).param("now", Timestamp.from(now))
                .query(ReservationRepository::map).optional();
    }

    public void insert(Reservation r) {
        jdbc.sql("""
                INSERT INTO reservation (reservation_id, command_id, user_id, requested, amount, hold_rolled_over,
                    hold_allowance, hold_purchased, period_start, status, expires_at, created_at)
                VALUES (:id, :command, :user, :requested, :amount, :hr, :ha, :hp, :period, :status, :expires, :created)
                """)
                .param("id", r.reservationId()).param("command", r.commandId()).param("user", r.userId())
                .param("requested", r.requested()).param("amount", r.amount())
                .param("hr", r.hold().rolledOver()).param("ha", r.hold().allowance())
                .param("hp", r.hold().purchased()).param("period", Timestamp.from(r.periodStart()))
                .param("status", r.status().name()).param("expires", Timestamp.from(r.expiresAt()))
                .param("created", Timestamp.from(r.createdAt()))
                .update();
    }

    static Reservation map(ResultSet rs, int row) throws SQLException {
        Hold hold = new Hold(rs.getLong("hold_rolled_over"), rs.getLong("hold_allowance"), rs.getLong("hold_purchased"));
        return new Reservation(rs.getObject("reservation_id", UUID.class), rs.getObject("command_id", UUID.class),
                rs.getString("user_id"), rs.getLong("requested"), hold, rs.getTimestamp("period_start").toInstant(),
                ReservationStatus.valueOf(rs.getString("status")), rs.getTimestamp("expires_at").toInstant(),
                rs.getTimestamp("created_at").toInstant());
    }
}

package io.cloudya.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudya.token.grant.PurchaseTokensHandler;
import io.cloudya.token.ledger.LedgerAudit;
import io.cloudya.token.reservation.ReserveTokensHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Many reservations of one user at the same instant (as from several instances) never spend more than the balance. */
@TokenServiceIT
class ConcurrentReservationIT {

    @Autowired ReserveTokensHandler reserve;
    @Autowired PurchaseTokensHandler purchase;
    @Autowired LedgerAudit audit;
    @Autowired JdbcClient jdbc;

    @Test
    void shouldLetExactlyTenOfSixtyFourConcurrentReservationsThroughWithABalanceForTen() throws Exception {
        String user = Events.newUser("race");
        // 1,000 sign-up tokens + 2,000 bought = 3,000 = exactly ten Free reservations of 300
        purchase.handle(Events.purchased(user, "race-" + user, 2000));
        ExecutorService pool = Executors.newFixedThreadPool(64);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            var event = Events.requested(user, UUID.randomUUID(), 300);
            calls.add(pool.submit(() -> {
                start.await();
                reserve.handle(event);
                return null;
            }));
        }

        start.countDown();
        for (Future<?> call : calls) {
            call.get();
        }
        pool.shutdown();

        var statuses = jdbc.sql("SELECT status, count(*) FROM reservation WHERE user_id = :u GROUP BY status")
                .param("u", user).query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2)).list();
        assertThat(statuses).containsExactlyInAnyOrder("PENDING=10", "REJECTED=54");
        var buckets = new LedgerState(jdbc).buckets(user);
        assertThat(buckets.available()).isZero();
        assertThat(buckets.reserved()).isEqualTo(3000);
        assertThat(jdbc.sql("SELECT min(available_after) FROM ledger_entry WHERE user_id = :u").param("u", user)
                .query(Long.class).single()).isZero();
        assertThat(audit.run().anomalies()).isZero();
    }
}

package io.cloudya.token.bench;

import io.cloudya.token.Events;
import io.cloudya.token.TokenServiceApplication;
import io.cloudya.token.grant.PurchaseTokensHandler;
import io.cloudya.token.ledger.AuditReport;
import io.cloudya.token.ledger.LedgerAudit;
import io.cloudya.token.reservation.ReserveTokensHandler;
import io.cloudya.token.settlement.SettleReservationHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Settlements per second on the local PostgreSQL, next to {@code pgbench -b simple-update} on the same server in
 * the same run, then the ledger audit. Each settlement is the real handler's transaction: dedup insert, reservation
 * and account row locks, one ledger entry, the account update, the reservation update and the outbox insert/delete.
 * Args: [threads=8] [settlements=10000] [users=200] [pgbench-seconds=20]. Creates and drops its own databases.
 */
public final class SettlementBench {

    public static void main(String[] args) throws Exception {
        int threads = arg(args, 0, 8);
        int settlements = arg(args, 1, 10_000);
        int users = arg(args, 2, 200);
        int pgbenchSeconds = arg(args, 3, 20);
        BenchDatabases.recreate("cloudya_token_bench", "cloudya_token");
        try (ConfigurableApplicationContext app = start(threads)) {
            var reserve = app.getBean(ReserveTokensHandler.class);
            var settle = app.getBean(SettleReservationHandler.class);
            List<String> userIds = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                String user = "bench-" + u;
                userIds.add(user);
                app.getBean(PurchaseTokensHandler.class).handle(Events.purchased(user, "bench-p-" + u, 5_000_000));
            }
            List<UUID> commands = new ArrayList<>();
            for (int i = 0; i < settlements; i++) {
                commands.add(UUID.randomUUID());
            }
            double reservesPerSecond = run(threads, settlements,
                    i -> reserve.handle(Events.requested(userIds.get(i % users), commands.get(i), 300)));
            double settlesPerSecond = run(threads, settlements,
                    i -> settle.completed(Events.completed(userIds.get(i % users), commands.get(i), 120)));
            AuditReport audit = app.getBean(LedgerAudit.class).run();
            double pgbenchTps = Pgbench.simpleUpdate(threads, pgbenchSeconds);
            System.out.printf("%nthreads=%d settlements=%d users=%d%n", threads, settlements, users);
            System.out.printf("reservations/s: %.0f%n", reservesPerSecond);
            System.out.printf("settlements/s:  %.0f%n", settlesPerSecond);
            System.out.printf("pgbench simple-update tps (-c %d -j 2 -T %d): %.0f%n", threads, pgbenchSeconds,
                    pgbenchTps);
            System.out.printf("settlements / pgbench: %.2f%n", settlesPerSecond / pgbenchTps);
            System.out.printf("audit: accounts=%d entries=%d anomalies=%d%n", audit.accounts(), audit.entries(),
                    audit.anomalies());
        } finally {
            BenchDatabases.drop("cloudya_token_bench");
        }
    }

    private static ConfigurableApplicationContext start(int threads) {
        // command-line arguments outrank application.yml (builder default properties would not)
        return new SpringApplicationBuilder(TokenServiceApplication.class)
                .web(WebApplicationType.NONE)
                .run("--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/cloudya_token_bench",
                        "--spring.datasource.hikari.maximum-pool-size=" + (threads + 2),
                        "--spring.kafka.listener.auto-startup=false",
                        "--cloudya.outbox.fast-path=false",
                        "--cloudya.token.scheduling=false",
                        "--logging.level.root=WARN");
    }

    /** Runs {@code count} calls on {@code threads} threads; returns calls per second. */
    private static double run(int threads, int count, IntTask task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    task.run(i);
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return count / seconds;
    }

    private static int arg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }

    @FunctionalInterface
    private interface IntTask {
        void run(int i);
    }
}

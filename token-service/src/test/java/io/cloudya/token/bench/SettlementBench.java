package io.cloudya.token.bench;

import io.cloudya.contracts.EventJson;
import io.cloudya.contracts.Topics;
import io.cloudya.token.Events;
import io.cloudya.token.TokenServiceApplication;
import io.cloudya.token.grant.PurchaseTokensHandler;
import io.cloudya.token.ledger.AuditReport;
import io.cloudya.token.ledger.LedgerAudit;
import io.cloudya.token.saga.CommandEventBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Settlements per second on the local PostgreSQL, next to {@code pgbench -b simple-update} on the same server in
 * the same run, then the ledger audit. Events go through the Kafka listener's own path minus Kafka: serialized
 * CommandRequested, then CommandCompleted, records are parsed and applied by {@link CommandEventBatch}, one thread per
 * partition (users are spread over {@code threads} partitions by key, as Kafka does), in polls of at most
 * {@code poll} records (the listener's max.poll.records; 1 = one transaction per event). Each settlement is the
 * real handler's work: dedup insert, reservation and account locks, the ledger statement, the outbox insert/delete.
 * Rounds of the same size on the same accounts: the first from a cold JVM (JIT compiling as it goes), then unreported
 * rounds until {@code warmup-seconds} of traffic have passed (the JIT is still warming at 20 s), then two measured
 * warm rounds, as a running service is. Args: [threads=8] [settlements=10000] [users=200] [pgbench-seconds=20]
 * [poll=100] [warmup-seconds=60]. Creates and drops its own databases.
 */
public final class SettlementBench {

    private static final String DATABASE = "cloudya_token_bench";

    public static void main(String[] args) throws Exception {
        int threads = arg(args, 0, 8);
        int settlements = arg(args, 1, 10_000);
        int users = arg(args, 2, 200);
        int pgbenchSeconds = arg(args, 3, 20);
        int poll = arg(args, 4, 100);
        int warmupSeconds = arg(args, 5, 60);
        BenchDatabases.recreate(DATABASE, "cloudya_token");
        try (ConfigurableApplicationContext app = start(threads)) {
            List<String> userIds = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                String user = "bench-" + u;
                userIds.add(user);
                app.getBean(PurchaseTokensHandler.class).handle(Events.purchased(user, "bench-p-" + u, 5_000_000));
            }
            var saga = app.getBean(CommandEventBatch.class);
            long warmUntil = System.nanoTime() + warmupSeconds * 1_000_000_000L;
            Round cold = Round.run(saga, userIds, settlements, threads, poll);
            while (System.nanoTime() < warmUntil) {
                Round.run(saga, userIds, settlements, threads, poll);
            }
            Round warm = Round.run(saga, userIds, settlements, threads, poll);
            Round warmAgain = Round.run(saga, userIds, settlements, threads, poll);
            AuditReport audit = app.getBean(LedgerAudit.class).run();
            double pgbenchTps = Pgbench.simpleUpdate(threads, pgbenchSeconds);
            System.out.printf("%nthreads=%d settlements=%d users=%d poll=%d%n", threads, settlements, users, poll);
            System.out.printf("pgbench simple-update tps (-c %d -j 2 -T %d): %.0f%n", threads, pgbenchSeconds,
                    pgbenchTps);
            cold.print("cold JVM", pgbenchTps);
            warm.print("warm JVM (after " + warmupSeconds + " s), round 1", pgbenchTps);
            warmAgain.print("warm JVM (after " + warmupSeconds + " s), round 2", pgbenchTps);
            System.out.printf("audit: accounts=%d entries=%d anomalies=%d%n", audit.accounts(), audit.entries(),
                    audit.anomalies());
        } finally {
            BenchDatabases.drop(DATABASE);
        }
    }

    /** One round: {@code settlements} reservations, then their settlements, timed separately. */
    private record Round(double reservesPerSecond, String reserveCpu, double settlesPerSecond, String settleCpu) {

        static Round run(CommandEventBatch saga, List<String> userIds, int settlements, int threads, int poll)
                throws Exception {
            int users = userIds.size();
            List<ConsumerRecord<String, String>> requests = new ArrayList<>();
            List<ConsumerRecord<String, String>> completions = new ArrayList<>();
            for (int i = 0; i < settlements; i++) {
                String user = userIds.get(i % users);
                UUID command = UUID.randomUUID();
                requests.add(record(user, EventJson.write(Events.requested(user, command, 300))));
                completions.add(record(user, EventJson.write(Events.answered(user, command, 120))));
            }
            CpuClock beforeReserving = CpuClock.now(DATABASE);
            double reserves = PartitionedConsumers.run(threads, poll, requests, i -> i % users % threads, saga::apply);
            CpuClock beforeSettling = CpuClock.now(DATABASE);
            double settles = PartitionedConsumers.run(threads, poll, completions, i -> i % users % threads,
                    saga::apply);
            CpuClock afterSettling = CpuClock.now(DATABASE);
            return new Round(reserves, beforeSettling.perOperationSince(beforeReserving, settlements), settles,
                    afterSettling.perOperationSince(beforeSettling, settlements));
        }

        void print(String label, double pgbenchTps) {
            System.out.printf("%s reservations/s: %.0f (CPU per reservation: %s)%n", label, reservesPerSecond,
                    reserveCpu);
            System.out.printf("%s settlements/s:  %.0f (CPU per settlement: %s)%n", label, settlesPerSecond,
                    settleCpu);
            System.out.printf("%s settlements / pgbench: %.2f%n", label, settlesPerSecond / pgbenchTps);
        }
    }

    private static ConfigurableApplicationContext start(int threads) {
        // command-line arguments outrank application.yml (builder default properties would not)
        return new SpringApplicationBuilder(TokenServiceApplication.class)
                .web(WebApplicationType.NONE)
                .run("--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + DATABASE,
                        "--spring.datasource.hikari.maximum-pool-size=" + (threads + 2),
                        "--spring.kafka.listener.auto-startup=false",
                        "--cloudya.outbox.fast-path=false",
                        "--cloudya.token.scheduling=false",
                        "--logging.level.root=WARN");
    }

    private static int arg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }

    /** A record as the listener receives it from the command saga's topic (keyed by user). */
    private static ConsumerRecord<String, String> record(String user, String json) {
        return new ConsumerRecord<>(Topics.COMMAND_EVENTS, 0, 0L, user, json);
    }
}

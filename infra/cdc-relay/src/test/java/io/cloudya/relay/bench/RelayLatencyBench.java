package io.cloudya.relay.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.cloudya.relay.config.KafkaClientsConfig;
import io.cloudya.relay.config.RelayProperties;
import io.cloudya.relay.engine.ConnectorConfigFactory;
import io.cloudya.relay.engine.OutboxEngine;
import io.cloudya.relay.engine.PublicationProbe;
import io.cloudya.relay.forward.DeliveryReceipts;
import io.cloudya.relay.forward.OutboxRecordForwarder;
import io.cloudya.relay.support.OutboxDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Measures one outbox hop (PostgreSQL commit → Debezium engine → Kafka → consumer) per poll.interval.ms, and the
 * idle CPU one engine adds to the process. Not a test: run it by hand (docs/benchmarks.md has the command).
 * Args: poll intervals in ms (default 10 100 500). System properties: bench.events (300), bench.idle-seconds (20).
 */
public final class RelayLatencyBench {

    private static final String TOPIC = "bench.latency";

    private RelayLatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> intervals = args.length == 0 ? List.of(10, 100, 500)
                : java.util.Arrays.stream(args).map(Integer::valueOf).toList();
        int events = Integer.getInteger("bench.events", 300);
        int idleSeconds = Integer.getInteger("bench.idle-seconds", 20);
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 4, TOPIC);
        broker.afterPropertiesSet();
        OutboxDatabase db = OutboxDatabase.withRandomName("bench").create().migrate();
        Map<String, Long> received = new ConcurrentHashMap<>();
        try (ReceiptCollector collector = new ReceiptCollector(broker.getBrokersAsString(), TOPIC, received)) {
            cpuPercent(idleSeconds); // settle: JIT and broker start-up work would inflate the baseline
            double baseline = cpuPercent(idleSeconds);
            System.out.printf("process idle CPU without engine (broker + consumer): %.1f %% of a core%n", baseline);
            System.out.println("| poll.interval.ms | events | p50 ms | p99 ms | max ms | idle process CPU with engine | engine share |");
            System.out.println("|---|---|---|---|---|---|---|");
            for (int interval : intervals) {
                runOne(db, broker.getBrokersAsString(), interval, events, idleSeconds, baseline, received);
            }
            System.out.printf("process idle CPU without engine, after the runs: %.1f %% of a core%n",
                    cpuPercent(idleSeconds));
        } finally {
            db.drop();
            broker.destroy();
        }
    }

    private static void runOne(OutboxDatabase db, String brokers, int interval, int events, int idleSeconds,
                               double baseline, Map<String, Long> received) throws Exception {
        RelayProperties properties = properties(db, brokers, interval);
        try (KafkaProducer<String, String> producer = new KafkaClientsConfig().forwardingProducer(properties)) {
            OutboxEngine engine = new OutboxEngine(db.name(), new ConnectorConfigFactory(properties).create(db.name()),
                    new PublicationProbe(properties.database(), "cloudya_outbox"),
                    new OutboxRecordForwarder(producer, new SimpleMeterRegistry(), db.name(),
                            DeliveryReceipts.NONE, Duration.ZERO),
                    Duration.ofMillis(200), Duration.ofSeconds(1));
            double idle;
            double[] ms;
            try {
                engine.start();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!engine.state().isRunning() && System.nanoTime() < deadline) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
                }
                LatencyRun run = new LatencyRun(db, TOPIC, received);
                run.measure(20, 30); // warm-up: connections, JIT, topic metadata
                idle = cpuPercent(idleSeconds);
                ms = run.measure(events, 60);
            } finally {
                engine.close();
            }
            System.out.printf("| %d | %d | %.1f | %.1f | %.1f | %.1f %% | %.1f %% of a core |%n", interval, ms.length,
                    LatencyRun.percentile(ms, 50), LatencyRun.percentile(ms, 99), ms[ms.length - 1], idle,
                    idle - baseline);
        }
    }

    private static RelayProperties properties(OutboxDatabase db, String brokers, int interval) throws Exception {
        RelayProperties defaults = BenchConfig.applicationYaml();
        Map<String, String> connector = new HashMap<>(defaults.connector());
        connector.put("poll.interval.ms", Integer.toString(interval));
        return new RelayProperties(brokers, Files.createTempDirectory("relay-bench"), defaults.database(),
                List.of(db.name()), connector, defaults.offsetFlushInterval(), defaults.linger(), defaults.retry(),
                defaults.receipts());
    }

    /** CPU time this process used over the window, as a percentage of one core. */
    private static double cpuPercent(int seconds) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        long wallBefore = System.nanoTime();
        LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(seconds));
        return 100.0 * (os.getProcessCpuTime() - cpuBefore) / (System.nanoTime() - wallBefore);
    }
}

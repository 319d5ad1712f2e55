package io.cloudya.relay.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.cloudya.relay.config.RelayProperties;
import io.cloudya.relay.config.SlotRecoveryProperties;
import io.cloudya.relay.forward.DeliveryReceipts;
import io.cloudya.relay.forward.OutboxRecordForwarder;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** All engines, one per configured database; started with the application and stopped before Kafka clients close. */
@Component
public class OutboxEngines implements SmartLifecycle {

    private final Path dataDir;
    private final Map<String, OutboxEngine> engines = new LinkedHashMap<>();
    private final Map<String, LostSlotRecovery> recoveries = new LinkedHashMap<>();
    private volatile boolean running;

    public OutboxEngines(RelayProperties properties, KafkaProducer<String, String> forwardingProducer,
                         MeterRegistry registry, ReplicationSlots slots, SlotRecoveryProperties slotRecovery,
                         DeliveryReceipts receipts) {
        this.dataDir = properties.dataDir();
        ConnectorConfigFactory configs = new ConnectorConfigFactory(properties);
        PublicationProbe probe = new PublicationProbe(properties.database(),
                properties.connector().get("publication.name"));
        for (String database : properties.databases()) {
            LostSlotRecovery recovery = new LostSlotRecovery(slots, database, configs.offsetsFile(database),
                    slotRecovery.recreateLostSlot(), registry);
            recoveries.put(database, recovery);
            StartCheck checks = probe.then(recovery)
                    .then(new OffsetsBehindSlot(slots, database, configs.offsetsFile(database), registry));
            engines.put(database, new OutboxEngine(database, configs.create(database), checks,
                    new OutboxRecordForwarder(forwardingProducer, registry, database, receipts,
                            properties.receipts().grace()),
                    properties.retry().initialBackoff(), properties.retry().maxBackoff()));
        }
    }

    /** The engines by database name, in configuration order. */
    public Map<String, OutboxEngine> byDatabase() {
        return Map.copyOf(engines);
    }

    /** What one database's engine did about lost replication slots. */
    public LostSlotRecovery slotRecovery(String database) {
        return recoveries.get(database);
    }

    /**
     * Debezium's file offset store does not create its directory: without it every offset flush failed, so the
     * slots never advanced (WAL kept until PostgreSQL invalidated them) and a restart relayed everything again.
     */
    @Override
    public void start() {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the relay's offsets directory " + dataDir, e);
        }
        engines.values().forEach(OutboxEngine::start);
        running = true;
    }

    /** Stops every engine in parallel: each waits for its connector to save offsets, which takes a second or two. */
    @Override
    public void stop() {
        try (ExecutorService stopping = Executors.newVirtualThreadPerTaskExecutor()) {
            engines.values().forEach(engine -> stopping.submit(engine::close));
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

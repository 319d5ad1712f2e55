package io.cloudya.relay.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.cloudya.relay.config.RelayProperties;
import io.cloudya.relay.config.SlotRecoveryProperties;
import io.cloudya.relay.forward.OutboxRecordForwarder;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** All engines, one per configured database; started with the application and stopped before Kafka clients close. */
@Component
public class OutboxEngines implements SmartLifecycle {

    private final Map<String, OutboxEngine> engines = new LinkedHashMap<>();
    private final Map<String, LostSlotRecovery> recoveries = new LinkedHashMap<>();
    private volatile boolean running;

    public OutboxEngines(RelayProperties properties, KafkaProducer<String, String> forwardingProducer,
                         MeterRegistry registry, ReplicationSlots slots, SlotRecoveryProperties slotRecovery) {
        ConnectorConfigFactory configs = new ConnectorConfigFactory(properties);
        PublicationProbe probe = new PublicationProbe(properties.database(),
                properties.connector().get("publication.name"));
        for (String database : properties.databases()) {
            LostSlotRecovery recovery = new LostSlotRecovery(slots, database, configs.offsetsFile(database),
                    slotRecovery.recreateLostSlot(), registry);
            recoveries.put(database, recovery);
            engines.put(database, new OutboxEngine(database, configs.create(database), probe.then(recovery),
                    new OutboxRecordForwarder(forwardingProducer, registry, database),
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

    @Override
    public void start() {
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

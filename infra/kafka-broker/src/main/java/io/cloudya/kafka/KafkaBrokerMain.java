package io.cloudya.kafka;

import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;

import io.cloudya.contracts.Topics;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a single-node Kafka broker (KRaft) in this JVM, creates the project's topics, prints one ready line on
 * stdout (scripts wait for it) and stops cleanly on SIGTERM. Logs go to stderr so stdout stays that one line.
 */
public final class KafkaBrokerMain {

    private static final Logger log = LoggerFactory.getLogger(KafkaBrokerMain.class);

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        BrokerSettings settings = BrokerSettings.fromSystem();
        KafkaRaftServer server = start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server), "kafka-broker-shutdown"));
        Set<String> created = TopicCreator.createMissing(settings.bootstrapServers(), Topics.ALL, settings.partitions());
        log.info("Topics created now: {} (all expected: {})", created, Topics.ALL);
        System.out.println("Kafka broker ready on " + settings.bootstrapServers());
        System.out.flush();
        server.awaitShutdown();
    }

    /** Formats storage if needed and starts the broker; returns once it accepts clients. */
    static KafkaRaftServer start(BrokerSettings settings) throws Exception {
        Path serverProperties = ServerProperties.write(settings);
        boolean formatted = StorageFormatter.formatIfNeeded(
                serverProperties, ServerProperties.logDir(settings), System.err);
        log.info("Starting Kafka on {} (data {}, {})", settings.bootstrapServers(), settings.dataDir(),
                formatted ? "formatted now" : "existing storage");
        Properties props = ServerProperties.of(settings);
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        server.startup();
        return server;
    }

    static void stop(KafkaRaftServer server) {
        log.info("Stopping Kafka broker");
        server.shutdown();
        server.awaitShutdown();
        log.info("Kafka broker stopped");
    }
}

package io.cloudya.kafka;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** The server.properties of a one-node KRaft cluster (broker and controller in one process). */
final class ServerProperties {

    private ServerProperties() {
    }

    static Properties of(BrokerSettings settings) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + settings.controllerPort());
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + settings.port()
                + ",CONTROLLER://127.0.0.1:" + settings.controllerPort());
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + settings.port());
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logDir(settings).toString());
        p.setProperty("num.partitions", Integer.toString(settings.partitions()));
        // One node: every internal topic must accept a single replica.
        p.setProperty("offsets.topic.replication.factor", "1");
        // Without these two, transactional producers time out in initTransactions on a single node.
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        // Tests and local runs start consumers at once: no point waiting 3 s for more group members.
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // Offset commits otherwise wait 5 ms for company before the group coordinator writes them, and every
        // listener commits after each poll: measured ~6 ms per commit, paid on each of the saga's hops.
        p.setProperty("group.coordinator.append.linger.ms", "0");
        // A restarted broker cannot register until its previous incarnation's session expires: with the default
        // 9 s, a crashed broker took 10 s longer to start. The controller runs in the same process, so its
        // heartbeats do not cross a network that could delay them.
        p.setProperty("broker.session.timeout.ms", "3000");
        p.setProperty("broker.heartbeat.interval.ms", "1000");
        // The cleaner's default 128 MiB buffer kills a broker with a heap under ~200 MB at start.
        p.setProperty("log.cleaner.dedupe.buffer.size", "16777216");
        return p;
    }

    /** Writes the properties to {@code <dataDir>/server.properties} and returns that path. */
    static Path write(BrokerSettings settings) throws IOException {
        Files.createDirectories(settings.dataDir());
        Path file = settings.dataDir().resolve("server.properties");
        try (Writer out = Files.newBufferedWriter(file)) {
            of(settings).store(out, "Written by KafkaBrokerMain at every start: edit BrokerSettings, not this file");
        }
        return file;
    }

    static Path logDir(BrokerSettings settings) {
        return settings.dataDir().resolve("logs");
    }
}

package io.cloudya.relay.health;

import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** UP when the broker answers a cluster description within a short timeout (reported as "kafka"). */
@Component("kafka")
public class KafkaHealthIndicator implements HealthIndicator {

    private static final int TIMEOUT_MS = 2000;

    private final Admin admin;

    public KafkaHealthIndicator(Admin admin) {
        this.admin = admin;
    }

    @Override
    public Health health() {
        try {
            DescribeClusterResult cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS));
            String clusterId = cluster.clusterId().get(TIMEOUT_MS + 500, TimeUnit.MILLISECONDS);
            int nodes = cluster.nodes().get(TIMEOUT_MS + 500, TimeUnit.MILLISECONDS).size();
            return Health.up().withDetail("clusterId", clusterId).withDetail("nodes", nodes).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down(e).build();
        } catch (Exception e) {
            return Health.down(e).build();
        }
    }
}

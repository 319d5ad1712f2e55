package io.cloudya.gateway.health;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Asks the broker directly (describeCluster) instead of trusting a service's view. One admin client is
 * kept for the gateway's lifetime: creating one per health call would open fresh connections every time.
 */
@Component
class KafkaHealthCheck implements DisposableBean {

    private final Admin admin;
    private final Duration timeout;

    KafkaHealthCheck(HealthProperties properties) {
        this.timeout = properties.timeout();
        int timeoutMs = Math.toIntExact(timeout.toMillis());
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafkaBootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "gateway-health",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs,
                // a broker that comes back should be noticed by the next health call, not minutes later
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000));
    }

    Mono<Boolean> isUp() {
        var options = new DescribeClusterOptions().timeoutMs(Math.toIntExact(timeout.toMillis()));
        return Mono.fromCompletionStage(() -> admin.describeCluster(options).clusterId().toCompletionStage())
                .map(clusterId -> true)
                .timeout(timeout.plusMillis(500))
                .onErrorReturn(false);
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(1));
    }
}

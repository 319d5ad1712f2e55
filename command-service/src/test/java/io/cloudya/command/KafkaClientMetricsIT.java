package io.cloudya.command;

import static io.cloudya.command.SagaPlayer.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudya.command.store.CommandStatus;
import io.cloudya.contracts.command.CommandRequested;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Boot's Kafka metrics auto-configuration binds the listener containers' consumers and the outbox's producer to
 * Micrometer, so an operator can scrape consumer lag and producer sends from /actuator/prometheus.
 */
@SagaIT
class KafkaClientMetricsIT extends SagaITSupport {

    /** The durable saga group's consumers (consumer-command-service-N), not the per-instance answers group's. */
    private static final String SAGA_CONSUMER = "client_id=\"consumer-command-service-";

    @Test
    void shouldExposeConsumerLagAndProducerSendsOnPrometheusAfterConsuming() throws Exception {
        String user = "it-metrics-" + UUID.randomUUID();
        api.post(user, "free", "req-" + user, "{\"user_input\":\"show disk usage\"}");
        CommandRequested requested = saga.requested(user, "show disk usage");
        saga.answer(requested, saga.hold(requested, 300, 700), 12);
        awaitStatus(requested.commandId(), CommandStatus.COMPLETED);

        String scrape = await().atMost(WAIT).until(this::scrape, body -> lines(body,
                "kafka_consumer_fetch_manager_records_consumed_total{").stream()
                .anyMatch(line -> line.contains(SAGA_CONSUMER) && !line.endsWith(" 0.0")));

        assertThat(lines(scrape, "kafka_consumer_fetch_manager_records_lag_max{"))
                .anyMatch(line -> line.contains(SAGA_CONSUMER) && line.contains("application=\"command-service\""));
        assertThat(lines(scrape, "kafka_producer_record_send_total{"))
                .anyMatch(line -> line.contains("client_id=\"command-service-producer-") && !line.endsWith(" 0.0"));
    }

    private String scrape() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static List<String> lines(String scrape, String prefix) {
        return scrape.lines().filter(line -> line.startsWith(prefix)).toList();
    }
}

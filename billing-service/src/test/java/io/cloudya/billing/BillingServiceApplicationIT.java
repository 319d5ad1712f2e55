package io.cloudya.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Starts the whole app against the real local cloudya_billing_test database; no Kafka broker is needed. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/cloudya_billing_test"})
class BillingServiceApplicationIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void reportsHealthUpWithDatabaseComponentUp() throws Exception {
        HttpResponse<String> response = get("/actuator/health");

        JsonNode health = JsonMapper.shared().readTree(response.body());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asString()).isEqualTo("UP");
    }

    @Test
    void migratesOwnTableAndSharedOutboxTables() {
        for (String table : new String[] {"webhook_event", "outbox", "processed_event"}) {
            assertThat(jdbc.sql("SELECT to_regclass(?)::text").param(table).query(String.class).optional())
                    .as(table).hasValue(table);
        }
    }

    @Test
    void exposesPrometheusMetricsTaggedWithApplication() throws Exception {
        HttpResponse<String> response = get("/actuator/prometheus");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("application=\"billing-service\"");
    }

    @Test
    void answersBillingNotConfiguredWhileNoStripeKeyIsSet() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/billing/topup"))
                        .header("X-User-Id", "user-without-stripe").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"tokens\":1000}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("\"code\":\"billing_not_configured\"");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

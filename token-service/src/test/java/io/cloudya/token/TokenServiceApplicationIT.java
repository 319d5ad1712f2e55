package io.cloudya.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudya.token.grant.PurchaseTokensHandler;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The whole app against the real local cloudya_token_test database: health, metrics and the public REST API. */
@TokenServiceIT
class TokenServiceApplicationIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired PurchaseTokensHandler purchase;

    @Test
    void reportsHealthUpWithDatabaseComponentUp() throws Exception {
        HttpResponse<String> response = get("/actuator/health", null);

        JsonNode health = JsonMapper.shared().readTree(response.body());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(health.path("components").path("db").path("status").asString()).isEqualTo("UP");
    }

    @Test
    void migratesLedgerTablesAndSharedOutboxTables() {
        for (String table : new String[] {"token_account", "ledger_entry", "reservation", "outbox", "processed_event"}) {
            assertThat(jdbc.sql("SELECT to_regclass(?)::text").param(table).query(String.class).optional())
                    .as(table).hasValue(table);
        }
    }

    @Test
    void exposesPrometheusMetricsTaggedWithApplication() throws Exception {
        HttpResponse<String> response = get("/actuator/prometheus", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("application=\"token-service\"");
    }

    @Test
    void shouldShowTheCallersBucketsAndNewestEntriesFirst() throws Exception {
        String user = Events.newUser("api");
        purchase.handle(Events.purchased(user, "p-" + user, 2500));

        JsonNode balance = JsonMapper.shared().readTree(get("/api/tokens/balance", user).body());
        assertThat(balance.get("plan").asString()).isEqualTo("free");
        assertThat(balance.get("buckets").get("allowance").asLong()).isEqualTo(1000);
        assertThat(balance.get("buckets").get("purchased").asLong()).isEqualTo(2500);
        assertThat(balance.get("buckets").get("rolled_over").asLong()).isZero();
        assertThat(balance.get("available").asLong()).isEqualTo(3500);
        assertThat(balance.has("period_end")).isTrue();

        JsonNode history = JsonMapper.shared().readTree(get("/api/tokens/history?size=1", user).body());
        assertThat(history.get("total").asLong()).isEqualTo(2);
        assertThat(history.get("items").get(0).get("code").asString()).isEqualTo("purchase");
        assertThat(history.get("items").get(0).get("available_after").asLong()).isEqualTo(3500);
    }

    @Test
    void shouldAnswerApiErrorsForMissingIdentityUnknownAccountAndBadPaging() throws Exception {
        assertError(get("/api/tokens/balance", null), 401, "unauthenticated");
        assertError(get("/api/tokens/balance", "ghost-" + System.nanoTime()), 404, "account_not_found");
        assertError(get("/api/tokens/history?size=1000", "someone"), 400, "bad_page");
        assertError(get("/api/tokens/history?page=x", "someone"), 400, "bad_parameter");
    }

    private static void assertError(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        JsonNode body = JsonMapper.shared().readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("code").asString()).isEqualTo(code);
    }

    private HttpResponse<String> get(String path, String user) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (user != null) {
            request.header("X-User-Id", user);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

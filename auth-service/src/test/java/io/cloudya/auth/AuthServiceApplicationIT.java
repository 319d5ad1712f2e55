package io.cloudya.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** Starts the whole app against the real local cloudya_auth_test database; no Kafka broker is needed. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@Import(RecordingFastPath.Config.class)
class AuthServiceApplicationIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void reportsHealthUpWithDatabaseComponentUp() {
        var response = new AuthApi("http://127.0.0.1:" + port).get("/actuator/health");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().path("status").asString()).isEqualTo("UP");
        assertThat(response.body().path("components").path("db").path("status").asString()).isEqualTo("UP");
    }

    @Test
    void migratesOwnTablesAndSharedOutboxTables() {
        for (String table : new String[] {"app_user", "refresh_token", "api_key", "signing_key", "login_failure",
                "external_identity", "outbox", "processed_event"}) {
            assertThat(jdbc.sql("SELECT to_regclass(?)::text").param(table).query(String.class).optional())
                    .as(table).hasValue(table);
        }
    }

    @Test
    void exposesPrometheusMetricsTaggedWithApplication() {
        var response = new AuthApi("http://127.0.0.1:" + port).get("/actuator/prometheus");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.raw().body()).contains("application=\"auth-service\"");
    }
}

package io.cloudya.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** The CLI's exact request through the gateway, against the built suite running as separate processes. */
class CliCommandSystemIT {

    private static Gateway cli;

    @BeforeAll
    static void signUpAndCreateApiKey() {
        Gateway gateway = new Gateway(RunningSuite.gateway());
        cli = gateway.as(Accounts.newUser(gateway).apiKey());
    }

    @Test
    void answersTheClisExactRequestWithItsApiKey() {
        var reply = cli.postJson("/api/command",
                "{\"user_input\": \"list pods in namespace web\", \"execution_mode\": \"suggest\"}");

        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        JsonNode answer = reply.body();
        assertThat(UUID.fromString(answer.get("id").asString())).isNotNull();
        assertThat(answer.get("response").asString()).isNotBlank();
        assertThat(answer.get("provider").asString()).isEqualTo("offline-kb");
        assertThat(answer.get("execution_mode").asString()).isEqualTo("suggest");
        JsonNode first = answer.get("commands").get(0);
        assertThat(first.get("command").asString()).isEqualTo("kubectl get pods -n web");
        assertThat(first.get("risk").asString()).isEqualTo("safe");
        assertThat(reply.requestId()).isNotBlank();
        int used = answer.get("tokens_used").asInt();
        assertThat(used).isPositive();
        // the answer does not wait for the ledger's settlement: the balance reaches the answer's number soon after
        long remaining = answer.get("tokens_remaining").asLong();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                cli.get("/api/tokens/balance").body().get("available").asLong()).isEqualTo(remaining));
    }

    @Test
    void recordsTheAnswerInTheCallersHistory() {
        var reply = cli.postJson("/api/command",
                "{\"user_input\": \"show terraform plan\", \"execution_mode\": \"explain\"}");
        String id = reply.body().get("id").asString();

        var stored = cli.get("/api/commands/" + id);

        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.body().toString()).contains(id).contains("show terraform plan");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"user_input\": \"list pods\"            | malformed_json",
        "{\"execution_mode\": \"suggest\"}          | missing_user_input",
        "{\"user_input\": \"   \"}                  | missing_user_input",
        "{\"user_input\": \"ls\", \"execution_mode\": \"yolo\"} | unknown_execution_mode"})
    void rejectsBadInputAtTheDoorAndStoresNothing(String body, String code) throws SQLException {
        long before = storedCommands();

        var reply = cli.postJson("/api/command", body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get("code").asString()).isEqualTo(code);
        assertThat(reply.body().get("message").asString()).isNotBlank();
        assertThat(storedCommands()).isEqualTo(before);
    }

    @Test
    void refusesExecutionModeOnTheFreePlan() {
        var reply = cli.postJson("/api/command", "{\"user_input\": \"ls\", \"execution_mode\": \"execute\"}");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.body().get("code").asString()).isEqualTo("plan_required");
    }

    @Test
    void reportsEveryPartHealthy() {
        var reply = new Gateway(RunningSuite.gateway()).get("/api/health");

        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        assertThat(reply.body().get("status").asString()).isEqualTo("UP");
        assertThat(reply.body().get("infrastructure").toString())
                .contains("kafka").contains("postgresql").contains("cdc-relay");
    }

    private static long storedCommands() throws SQLException {
        try (Connection db = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/cloudya_command", "postgres", "");
             ResultSet rows = db.createStatement().executeQuery("SELECT count(*) FROM command")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}

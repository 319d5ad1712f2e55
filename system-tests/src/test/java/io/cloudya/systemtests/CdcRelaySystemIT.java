package io.cloudya.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The fast path answers the request; the CDC relay must still account for every committed outbox row: published by
 * itself, or skipped because the fast path's receipt says Kafka has it (docs/events.md). Read from the relay's own
 * metrics, so this checks the running relay, not a test double.
 */
class CdcRelaySystemIT {

    private static final URI RELAY_METRICS = URI.create(
            System.getenv().getOrDefault("RELAY_URL", "http://127.0.0.1:8090") + "/actuator/prometheus");

    private final Gateway anonymous = new Gateway(RunningSuite.gateway());
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void relayAccountsForTheCommandsAndTheAnswersOutboxRows() {
        var cli = anonymous.as(Accounts.newUser(anonymous).apiKey());
        double commandRowsBefore = relayed("cloudya_command");
        double aiRowsBefore = relayed("cloudya_ai");
        double tokenRowsBefore = relayed("cloudya_token");
        double skippedBefore = skipped("cloudya_command") + skipped("cloudya_ai") + skipped("cloudya_token");

        var reply = cli.postJson("/api/command", "{\"user_input\": \"list docker containers\"}");

        assertThat(reply.status()).isEqualTo(200);
        // CommandRequested from command-service (its only event of a command); AiJobCompleted from the ai-worker.
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(relayed("cloudya_command")).isGreaterThanOrEqualTo(commandRowsBefore + 1);
            assertThat(relayed("cloudya_ai")).isGreaterThanOrEqualTo(aiRowsBefore + 1);
            // AiJobRequested (sent by the ledger once the tokens are held) and ReservationSettled.
            assertThat(relayed("cloudya_token")).isGreaterThanOrEqualTo(tokenRowsBefore + 2);
            assertThat(skipped("cloudya_command") + skipped("cloudya_ai") + skipped("cloudya_token"))
                    .as("the fast path's receipts reach the relay").isGreaterThan(skippedBefore);
        });
    }

    private double relayed(String database) {
        return counter("relay_records_forwarded_total", database) + skipped(database);
    }

    private double skipped(String database) {
        return counter("relay_records_skipped_total", database);
    }

    private double counter(String name, String database) {
        Pattern line = Pattern.compile("^" + name + "\\{[^}]*database=\"" + database
                + "\"[^}]*} ([0-9.eE+]+)$", Pattern.MULTILINE);
        Matcher match = line.matcher(metrics());
        return match.find() ? Double.parseDouble(match.group(1)) : 0;
    }

    private String metrics() {
        try {
            return http.send(HttpRequest.newBuilder(RELAY_METRICS).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the relay's metrics", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

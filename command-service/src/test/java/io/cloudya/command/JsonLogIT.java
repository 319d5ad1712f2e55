package io.cloudya.command;

import static io.cloudya.command.SagaPlayer.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudya.contracts.Topics;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * With LOG_FORMAT=ecs every log line is one JSON object that names the trace, the user and the request, so a
 * collector can follow one CLI request across the services; the user's input itself never reaches an info line.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "LOG_FORMAT=ecs")
@ActiveProfiles("it")
@EmbeddedKafka(partitions = 1, topics = {Topics.COMMAND_EVENTS, Topics.AI_JOB_REQUESTS,
        Topics.AI_JOB_REQUESTS_PRIORITY, Topics.AI_JOB_EVENTS, Topics.RESERVATION_EVENTS, Topics.AI_ANSWER_CHUNKS})
@ExtendWith(OutputCaptureExtension.class)
class JsonLogIT extends SagaITSupport {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SECRET_INPUT = "why does psql -U app -W hunter2-not-for-logs fail";

    @Test
    void shouldLogTheAcceptedCommandAsJsonWithTraceUserAndRequestButWithoutTheInput(CapturedOutput output) {
        String user = "it-json-" + UUID.randomUUID();
        String requestId = "req-json-" + UUID.randomUUID();

        api.postTraced(user, "free", requestId, "00-" + TRACE + "-00f067aa0ba902b7-01",
                "{\"user_input\":\"" + SECRET_INPUT + "\"}");

        String line = await().atMost(WAIT).until(() -> output.getOut().lines()
                .filter(l -> l.contains("accepted: plan=free") && l.contains(user)).findFirst().orElse(null),
                found -> found != null);
        JsonNode json = JSON.readTree(line);
        assertThat(json.path("log").path("level").asString()).isEqualTo("INFO");
        assertThat(json.path("service").path("name").asString()).isEqualTo("command-service");
        assertThat(json.path("message").asString()).startsWith("command ").contains("accepted: plan=free");
        assertThat(json.path("traceId").asString()).isEqualTo(TRACE);
        assertThat(json.path("spanId").asString()).matches("[0-9a-f]{16}");
        assertThat(json.path("userId").asString()).isEqualTo(user);
        assertThat(json.path("requestId").asString()).isEqualTo(requestId);
        assertThat(output.getAll()).doesNotContain("hunter2-not-for-logs");
    }
}

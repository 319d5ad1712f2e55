package io.cloudya.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudya.command.store.CommandRepository;
import io.cloudya.command.store.CommandStatus;
import io.cloudya.command.store.NewCommand;
import io.cloudya.command.store.StoredCommand;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.command.AiJobRequested;
import io.cloudya.contracts.command.CommandRequested;
import io.cloudya.contracts.command.ExecutionMode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.ContainerTestUtils;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "cloudya.command.answer-timeout=20s")
@ActiveProfiles("it")
@EmbeddedKafka(partitions = 1, topics = {Topics.COMMAND_EVENTS, Topics.AI_JOB_REQUESTS,
        Topics.AI_JOB_REQUESTS_PRIORITY, Topics.AI_JOB_EVENTS})
class CommandSagaIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired EmbeddedKafkaBroker broker;
    @Autowired KafkaTemplate<String, String> kafka;
    @Autowired KafkaListenerEndpointRegistry listeners;
    @Autowired CommandRepository commands;
    @Autowired JdbcClient jdbc;
    @Autowired MeterRegistry meters;

    private KafkaProbe probe;
    private CommandApi api;

    @BeforeEach
    void listenersOwnTheirPartitions() {
        // the answers listener reads from "latest": an answer sent before it is assigned would pass it by
        listeners.getListenerContainers().forEach(c -> ContainerTestUtils.waitForAssignment(c, 1));
        probe = new KafkaProbe(broker, Topics.COMMAND_EVENTS, Topics.AI_JOB_REQUESTS, Topics.AI_JOB_REQUESTS_PRIORITY);
        api = new CommandApi(port);
    }

    @AfterEach
    void closeProbe() {
        probe.close();
    }

    @Test
    void shouldStartSagaAndAnswerWithWhatTheAiWorkerSent() throws Exception {
        String user = "it-free-" + UUID.randomUUID();
        var pending = api.post(user, "free", "req-" + user,
                "{\"user_input\":\"list pods in namespace web\",\"execution_mode\":\"explain\"}");

        var requestedRecord = probe.await(Topics.COMMAND_EVENTS, e -> e.key().equals(user), WAIT);
        var jobRecord = probe.await(Topics.AI_JOB_REQUESTS, e -> e.key().equals(user), WAIT);
        var requested = (CommandRequested) KafkaProbe.envelope(requestedRecord).payload();
        var job = (AiJobRequested) KafkaProbe.envelope(jobRecord).payload();
        assertThat(requested.userInput()).isEqualTo("list pods in namespace web");
        assertThat(requested.executionMode()).isEqualTo(ExecutionMode.EXPLAIN);
        assertThat(KafkaProbe.header(jobRecord, "eventType")).isEqualTo("AiJobRequested");
        assertThat(KafkaProbe.envelope(jobRecord).traceId()).isEqualTo("req-" + user);
        assertThat(job.commandId()).isEqualTo(requested.commandId());
        assertThat(job.maxWords()).isEqualTo(300);
        assertThat(job.deadline()).isBetween(Instant.now().plusSeconds(10), Instant.now().plusSeconds(21));

        AiJobEventsMother.publish(kafka, AiJobEventsMother.completed(job.commandId(), user, "req-" + user));

        HttpResponse<String> response = pending.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("id").asString()).isEqualTo(job.commandId().toString());
        assertThat(body.get("response").asString()).isEqualTo("List the pods of one namespace.");
        assertThat(body.get("execution_mode").asString()).isEqualTo("explain");
        assertThat(body.get("tokens_used").asInt()).isEqualTo(12);
        assertThat(body.get("tokens_remaining").isNull()).isTrue();
        assertThat(body.get("provider").asString()).isEqualTo("offline-kb");
        assertThat(body.get("model").asString()).isEqualTo("kb-2026.11");
        JsonNode command = body.get("commands").get(0);
        assertThat(command.get("command").asString()).isEqualTo("kubectl get pods -n web");
        assertThat(command.get("risk").asString()).isEqualTo("safe");
        assertThat(command.get("requires_confirmation").asBoolean()).isFalse();

        StoredCommand row = awaitStatus(job.commandId(), user, CommandStatus.COMPLETED);
        assertThat(row.response()).isEqualTo("List the pods of one namespace.");
        assertThat(row.commands()).singleElement().satisfies(c -> assertThat(c.command()).contains("-n web"));
        assertThat(row.provider()).isEqualTo("offline-kb");
        assertThat(row.wordsUsed()).isEqualTo(12);
        assertThat(row.plan()).isEqualTo("free");

        HttpResponse<String> history = api.get(user, "/api/commands");
        assertThat(JSON.readTree(history.body()).get("items").get(0).get("id").asString())
                .isEqualTo(job.commandId().toString());
        assertThat(api.get("someone-else", "/api/commands/" + job.commandId()).statusCode()).isEqualTo(404);
    }

    @Test
    void shouldSendPaidPlansToPriorityLaneAndAnswer503WhenNoProvider() throws Exception {
        String user = "it-pro-" + UUID.randomUUID();
        var pending = api.post(user, "pro", "req-" + user, "{\"user_input\":\"destroy terraform infrastructure\"}");

        var jobRecord = probe.await(Topics.AI_JOB_REQUESTS_PRIORITY, e -> e.key().equals(user), WAIT);
        var job = (AiJobRequested) KafkaProbe.envelope(jobRecord).payload();
        assertThat(job.maxWords()).isEqualTo(1200);
        assertThat(job.executionMode()).isEqualTo(ExecutionMode.SUGGEST);
        assertThat(probe.matching(Topics.AI_JOB_REQUESTS, e -> e.key().equals(user))).isEmpty();

        AiJobEventsMother.publish(kafka, AiJobEventsMother.failed(job.commandId(), user, "no_provider"));

        HttpResponse<String> response = pending.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(response.body()).get("message").asString()).isEqualTo("No AI provider could answer.");
        StoredCommand row = awaitStatus(job.commandId(), user, CommandStatus.FAILED);
        assertThat(row.failureCode()).isEqualTo("no_provider");
    }

    @Test
    void shouldRecordDuplicateAiJobCompletedDeliveryOnce() throws Exception {
        String user = "it-dup-" + UUID.randomUUID();
        UUID commandId = UUID.randomUUID();
        commands.insert(new NewCommand(commandId, user, "free", "list pods", ExecutionMode.SUGGEST, Instant.now()));
        double duplicatesBefore = duplicates();
        var answer = AiJobEventsMother.completed(commandId, user, null);

        AiJobEventsMother.publish(kafka, answer);
        AiJobEventsMother.publish(kafka, answer);

        await().atMost(WAIT).until(() -> duplicates() == duplicatesBefore + 1);
        StoredCommand row = commands.findForUser(commandId, user).orElseThrow();
        assertThat(row.status()).isEqualTo(CommandStatus.COMPLETED);
        assertThat(row.wordsUsed()).isEqualTo(12);
        assertThat(jdbc.sql("SELECT count(*) FROM processed_event WHERE consumer_group = 'command-service' "
                + "AND event_id = :id").param("id", answer.id()).query(Long.class).single()).isEqualTo(1);
    }

    private double duplicates() {
        return meters.get("commands.outcome.duplicates").counter().count();
    }

    private StoredCommand awaitStatus(UUID commandId, String user, CommandStatus status) {
        return await().atMost(WAIT).until(() -> commands.findForUser(commandId, user).orElseThrow(),
                row -> row.status() == status);
    }
}

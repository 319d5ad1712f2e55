package io.cloudya.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudya.command.answer.PendingAnswers;
import io.cloudya.command.store.CommandRepository;
import io.cloudya.command.store.CommandStatus;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.command.AiJobRequested;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
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
        properties = "cloudya.command.answer-timeout=400ms")
@ActiveProfiles("it")
@EmbeddedKafka(partitions = 1, topics = {Topics.COMMAND_EVENTS, Topics.AI_JOB_REQUESTS,
        Topics.AI_JOB_REQUESTS_PRIORITY, Topics.AI_JOB_EVENTS})
class AnswerTimeoutIT {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @LocalServerPort int port;
    @Autowired EmbeddedKafkaBroker broker;
    @Autowired KafkaTemplate<String, String> kafka;
    @Autowired KafkaListenerEndpointRegistry listeners;
    @Autowired CommandRepository commands;
    @Autowired PendingAnswers pending;
    @Autowired JdbcClient jdbc;

    @Test
    void shouldAnswer504AndKeepCommandTimedOutWhenAnswerComesLate() throws Exception {
        listeners.getListenerContainers().forEach(c -> ContainerTestUtils.waitForAssignment(c, 1));
        String user = "it-timeout-" + UUID.randomUUID();

        HttpResponse<String> response = new CommandApi(port)
                .post(user, "starter", "req-" + user, "{\"user_input\":\"list pods\"}")
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(response.statusCode()).isEqualTo(504);
        JsonNode body = JsonMapper.builder().build().readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(504);
        assertThat(body.get("code").asString()).isEqualTo("answer_timeout");
        assertThat(pending.size()).isZero();
        AiJobRequested job;
        try (var probe = new KafkaProbe(broker, Topics.AI_JOB_REQUESTS)) {
            job = (AiJobRequested) KafkaProbe.envelope(
                    probe.await(Topics.AI_JOB_REQUESTS, e -> e.key().equals(user), WAIT)).payload();
        }
        assertThat(commands.findForUser(job.commandId(), user).orElseThrow().status())
                .isEqualTo(CommandStatus.TIMED_OUT);

        var late = AiJobEventsMother.completed(job.commandId(), user, null);
        AiJobEventsMother.publish(kafka, late);

        await().atMost(WAIT).until(() -> jdbc.sql("SELECT count(*) FROM processed_event WHERE event_id = :id")
                .param("id", late.id()).query(Long.class).single() == 1);
        assertThat(commands.findForUser(job.commandId(), user).orElseThrow().status())
                .isEqualTo(CommandStatus.TIMED_OUT);
    }
}

package io.cloudya.command;

import static io.cloudya.command.SagaPlayer.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudya.command.answer.PendingAnswers;
import io.cloudya.command.store.CommandStatus;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.command.CommandCompleted;
import io.cloudya.contracts.command.CommandFailed;
import io.cloudya.contracts.command.CommandRequested;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cloudya.command.answer-timeout=2s", "cloudya.command.settlement-wait=3s"})
@ActiveProfiles("it")
@EmbeddedKafka(partitions = 1, topics = {Topics.COMMAND_EVENTS, Topics.AI_JOB_REQUESTS,
        Topics.AI_JOB_REQUESTS_PRIORITY, Topics.AI_JOB_EVENTS, Topics.RESERVATION_EVENTS, Topics.AI_ANSWER_CHUNKS})
class AnswerTimeoutIT extends SagaITSupport {

    @Autowired PendingAnswers pending;
    @Autowired JdbcClient jdbc;
    @Autowired MeterRegistry meters;

    @Test
    void shouldAnswer504AndReleaseReservationOnceWhenAiAnswersLate() throws Exception {
        String user = "it-timeout-" + UUID.randomUUID();
        var response = api.post(user, "starter", "req-" + user, "{\"user_input\":\"list pods\"}");
        CommandRequested requested = saga.requested(user, "list pods");
        var reserved = saga.reserveAndAwaitJob(requested, 600, 400);

        HttpResponse<String> answer = response.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(answer.statusCode()).isEqualTo(504);
        assertThat(JSON.readTree(answer.body()).get("code").asString()).isEqualTo("answer_timeout");
        assertThat(pending.size()).isZero();
        assertThat(commands.findById(requested.commandId()).orElseThrow().status()).isEqualTo(CommandStatus.TIMED_OUT);
        CommandFailed released = saga.commandEvent(CommandFailed.class, requested.commandId());
        assertThat(released.reason()).isEqualTo("answer_timeout");
        assertThat(released.reservationId()).isEqualTo(reserved.payload().reservationId());

        var late = SagaEventsMother.completed(requested.commandId(), user, 12);
        saga.publish(Topics.AI_JOB_EVENTS, late);
        await().atMost(WAIT).until(() -> jdbc.sql("SELECT count(*) FROM processed_event WHERE event_id = :id")
                .param("id", late.id()).query(Long.class).single() == 1);
        assertThat(commands.findById(requested.commandId()).orElseThrow().status()).isEqualTo(CommandStatus.TIMED_OUT);
        saga.drain(java.time.Duration.ofMillis(500));
        assertThat(saga.commandEvents(CommandFailed.class, requested.commandId())).hasSize(1);
        assertThat(saga.commandEvents(CommandCompleted.class, requested.commandId())).isEmpty();
    }

    @Test
    void shouldAnswerWithComputedTokensPastTheDeadlineWhenLedgerNeverSettles() throws Exception {
        String user = "it-unsettled-" + UUID.randomUUID();
        var response = api.post(user, "starter", "req-" + user, "{\"user_input\":\"uptime\"}");
        CommandRequested requested = saga.requested(user, "uptime");
        saga.reserveAndAwaitJob(requested, 600, 400);
        double unsettledBefore = meters.get("commands.answers.unsettled").counter().count();

        saga.publish(Topics.AI_JOB_EVENTS, SagaEventsMother.completed(requested.commandId(), user, 12));

        // the 3 s settlement wait outlasts the 2 s deadline: an answered command is still never timed out
        HttpResponse<String> answer = response.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.get("tokens_used").asLong()).isEqualTo(12);
        assertThat(body.get("tokens_remaining").asLong()).isEqualTo(400 + 600 - 12);
        assertThat(meters.get("commands.answers.unsettled").counter().count()).isEqualTo(unsettledBefore + 1);
        assertThat(commands.findById(requested.commandId()).orElseThrow().status()).isEqualTo(CommandStatus.COMPLETED);
        saga.drain(java.time.Duration.ofMillis(300));
        assertThat(saga.commandEvents(CommandCompleted.class, requested.commandId())).hasSize(1);
        assertThat(saga.commandEvents(CommandFailed.class, requested.commandId())).isEmpty();
    }

    @Test
    void shouldReleaseReservationThatArrivesAfterTheDeadline() throws Exception {
        String user = "it-slow-ledger-" + UUID.randomUUID();
        var response = api.post(user, "free", "req-" + user, "{\"user_input\":\"df -h\"}");
        CommandRequested requested = saga.requested(user, "df -h");
        assertThat(response.get(WAIT.toSeconds(), TimeUnit.SECONDS).statusCode()).isEqualTo(504);

        var reserved = saga.reserve(requested, 300, 700);

        CommandFailed released = saga.commandEvent(CommandFailed.class, requested.commandId());
        assertThat(released.reason()).isEqualTo("answer_timeout");
        assertThat(released.reservationId()).isEqualTo(reserved.payload().reservationId());
        saga.drain(java.time.Duration.ofMillis(500));
        assertThat(saga.probe().matching(Topics.AI_JOB_REQUESTS, e -> e.key().equals(user))).isEmpty();
        assertThat(saga.commandEvents(CommandFailed.class, requested.commandId())).hasSize(1);
    }

    @Test
    void shouldEndBrokenStreamWithTimeoutError() throws Exception {
        String user = "it-broken-stream-" + UUID.randomUUID();
        var response = api.stream("/api/command", user, "starter", "{\"user_input\":\"list pods\"}");
        CommandRequested requested = saga.requested(user, "list pods");
        saga.reserveAndAwaitJob(requested, 600, 400);
        saga.publish(Topics.AI_ANSWER_CHUNKS, SagaEventsMother.chunk(requested.commandId(), user, 0, "kubectl "));

        var events = new SseEvents(response.get(WAIT.toSeconds(), TimeUnit.SECONDS).body().iterator());

        assertThat(events.next()).isEqualTo(new SseEvents.SseEvent("chunk", "{\"sequence\":0,\"text\":\"kubectl \"}"));
        SseEvents.SseEvent end = events.next();
        assertThat(end.name()).isEqualTo("error");
        assertThat(JSON.readTree(end.data()).get("code").asString()).isEqualTo("answer_timeout");
        assertThat(JSON.readTree(end.data()).get("status").asInt()).isEqualTo(504);
        assertThat(events.next()).isNull();
        assertThat(saga.commandEvent(CommandFailed.class, requested.commandId()).reason()).isEqualTo("answer_timeout");
    }
}

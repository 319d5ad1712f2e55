package io.cloudya.command;

import static io.cloudya.command.SagaPlayer.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudya.command.answer.PendingAnswers;
import io.cloudya.command.store.CommandStatus;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.command.CommandCompleted;
import io.cloudya.contracts.command.CommandFailed;
import io.cloudya.contracts.command.CommandRequested;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

/**
 * The deadline while the command is PENDING: this service cannot know whether the ledger holds tokens yet, so it
 * always sends CommandFailed(answer_timeout) without a reservation id, and the ledger finds (or parks) the hold.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "cloudya.command.answer-timeout=2s")
@ActiveProfiles("it")
@EmbeddedKafka(partitions = 1, topics = {Topics.COMMAND_EVENTS, Topics.AI_JOB_REQUESTS,
        Topics.AI_JOB_REQUESTS_PRIORITY, Topics.AI_JOB_EVENTS, Topics.RESERVATION_EVENTS, Topics.AI_ANSWER_CHUNKS})
class AnswerTimeoutIT extends SagaITSupport {

    @Autowired PendingAnswers pending;

    @Test
    void shouldAnswer504AndReleaseTheTokensOnceThoughTheAiAnswersLate() throws Exception {
        String user = "it-timeout-" + UUID.randomUUID();
        var response = api.post(user, "starter", "req-" + user, "{\"user_input\":\"list pods\"}");
        CommandRequested requested = saga.requested(user, "list pods");
        var held = saga.hold(requested, 600, 400);

        HttpResponse<String> answer = response.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(answer.statusCode()).isEqualTo(504);
        assertThat(JSON.readTree(answer.body()).get("code").asString()).isEqualTo("answer_timeout");
        assertThat(pending.size()).isZero();
        assertThat(commands.findById(requested.commandId()).orElseThrow().status()).isEqualTo(CommandStatus.TIMED_OUT);
        CommandFailed released = saga.commandEvent(CommandFailed.class, requested.commandId());
        assertThat(released.reason()).isEqualTo("answer_timeout");
        assertThat(released.reservationId()).as("no hold came back to this service").isNull();

        var late = saga.answer(requested, held, 12);
        awaitApplied(late);

        var row = commands.findById(requested.commandId()).orElseThrow();
        assertThat(row.status()).isEqualTo(CommandStatus.TIMED_OUT);
        assertThat(row.wordsUsed()).isNull();
        saga.drain(Duration.ofMillis(500));
        assertThat(saga.commandEvents(CommandFailed.class, requested.commandId())).hasSize(1);
        assertThat(saga.commandEvents(CommandCompleted.class, requested.commandId())).isEmpty();
    }

    @Test
    void shouldSendNoSecondReleaseWhenTheAiWorkerFailsAfterTheDeadline() throws Exception {
        String user = "it-timeout-failed-" + UUID.randomUUID();
        var response = api.post(user, "free", "req-" + user, "{\"user_input\":\"df -h\"}");
        CommandRequested requested = saga.requested(user, "df -h");
        assertThat(response.get(WAIT.toSeconds(), TimeUnit.SECONDS).statusCode()).isEqualTo(504);
        saga.commandEvent(CommandFailed.class, requested.commandId());

        var late = SagaEventsMother.failed(requested.commandId(), user, "no_provider");
        saga.publish(Topics.AI_JOB_EVENTS, late);
        awaitApplied(late);

        saga.drain(Duration.ofMillis(500));
        assertThat(saga.commandEvents(CommandFailed.class, requested.commandId())).singleElement()
                .satisfies(failed -> assertThat(failed.reason()).isEqualTo("answer_timeout"));
        assertThat(commands.findById(requested.commandId()).orElseThrow().status()).isEqualTo(CommandStatus.TIMED_OUT);
    }

    @Test
    void shouldEndBrokenStreamWithTimeoutError() throws Exception {
        String user = "it-broken-stream-" + UUID.randomUUID();
        var response = api.stream("/api/command", user, "starter", "{\"user_input\":\"list pods\"}");
        CommandRequested requested = saga.requested(user, "list pods");
        assertThat(requested.stream()).isTrue();
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

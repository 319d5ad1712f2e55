package io.cloudya.command;

import static io.cloudya.command.SagaPlayer.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudya.command.answer.PendingAnswers;
import io.cloudya.command.store.CommandStatus;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.command.CommandRequested;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * The deadline decides nothing here: the ai-worker's verdict does (an answer not ready by the job's deadline becomes
 * AiJobFailed deadline_passed), so a request waits past the deadline, by a grace, for it. Without one it gets 504
 * and where to look; the row stays PENDING until the verdict comes. This service writes no outcome of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "cloudya.command.answer-timeout=2s")
@ActiveProfiles("it")
@EmbeddedKafka(partitions = 1, topics = {Topics.COMMAND_EVENTS, Topics.AI_JOB_REQUESTS,
        Topics.AI_JOB_REQUESTS_PRIORITY, Topics.AI_JOB_EVENTS, Topics.RESERVATION_EVENTS, Topics.AI_ANSWER_CHUNKS})
class AnswerTimeoutIT extends SagaITSupport {

    /** PendingAnswers.VERDICT_GRACE: how long past the deadline a request waits for the verdict. */
    private static final Duration VERDICT_GRACE = Duration.ofSeconds(3);
    /** How long after the deadline the late verdicts below come: well within the grace. */
    private static final Duration MOMENT = Duration.ofMillis(300);

    @Autowired PendingAnswers pending;

    @Test
    void answersTheVerdictThatArrivesJustAfterTheDeadline() throws Exception {
        String user = "it-just-late-" + UUID.randomUUID();
        var response = api.post(user, "starter", "req-" + user, "{\"user_input\":\"list pods\"}");
        CommandRequested requested = saga.requested(user, "list pods");
        var held = saga.hold(requested, 600, 400);

        sleepUntil(requested.deadline().plus(MOMENT));
        assertThat(response).as("still waiting past the deadline").isNotDone();
        saga.answer(requested, held, 12);

        HttpResponse<String> answer = response.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.get("response").asString()).isEqualTo(SagaEventsMother.ANSWER);
        assertThat(body.get("tokens_used").asLong()).isEqualTo(12);
        assertThat(body.get("tokens_remaining").asLong()).isEqualTo(400 + 600 - 12);
        assertThat(awaitStatus(requested.commandId(), CommandStatus.COMPLETED).wordsUsed()).isEqualTo(12);
        assertThat(pending.size()).isZero();
    }

    @Test
    void answersDeadlinePassedWith504NothingCharged() throws Exception {
        String user = "it-deadline-passed-" + UUID.randomUUID();
        var response = api.post(user, "free", "req-" + user, "{\"user_input\":\"df -h\"}");
        CommandRequested requested = saga.requested(user, "df -h");
        sleepUntil(requested.deadline().plus(MOMENT));

        saga.fail(requested, "deadline_passed");

        HttpResponse<String> answer = response.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(Instant.now()).as("the verdict's answer, not the grace's end")
                .isBefore(requested.deadline().plus(VERDICT_GRACE));
        assertThat(answer.statusCode()).isEqualTo(504);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.get("code").asString()).isEqualTo("answer_timeout");
        assertThat(body.get("message").asString()).contains("nothing was charged");
        var row = awaitStatus(requested.commandId(), CommandStatus.FAILED);
        assertThat(row.failureCode()).isEqualTo("deadline_passed");
        assertThat(row.wordsUsed()).isNull();
        assertThat(saga.commandEventTypes(requested.commandId(), Duration.ofMillis(500)))
                .as("no CommandFailed of this service's own").containsExactly("CommandRequested", "AiJobFailed");
    }

    @Test
    void answers504WithWhereToLookWhenNoVerdictArrives() throws Exception {
        String user = "it-no-verdict-" + UUID.randomUUID();
        var response = api.post(user, "starter", "req-" + user, "{\"user_input\":\"show events\"}");
        CommandRequested requested = saga.requested(user, "show events");
        UUID id = requested.commandId();

        HttpResponse<String> answer = response.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(Instant.now()).as("not before the grace ran out").isAfter(requested.deadline().plus(VERDICT_GRACE));
        assertThat(answer.statusCode()).isEqualTo(504);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.get("code").asString()).isEqualTo("answer_timeout");
        assertThat(body.get("message").asString()).contains("GET /api/commands/" + id)
                .doesNotContain("nothing was charged");
        assertThat(pending.size()).isZero();
        assertThat(commands.findById(id).orElseThrow().status()).as("no verdict yet").isEqualTo(CommandStatus.PENDING);
        assertThat(saga.commandEventTypes(id, Duration.ofMillis(300))).containsExactly("CommandRequested");

        saga.answer(requested, saga.hold(requested, 600, 400), 7);

        assertThat(awaitStatus(id, CommandStatus.COMPLETED).wordsUsed()).isEqualTo(7);
        JsonNode history = JSON.readTree(api.get(user, "/api/commands/" + id).body());
        assertThat(history.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(history.get("tokens_used").asInt()).isEqualTo(7);
    }

    @Test
    void endsABrokenStreamWithTheTimeoutErrorAndWhereToLook() throws Exception {
        String user = "it-broken-stream-" + UUID.randomUUID();
        var response = api.stream("/api/command", user, "starter", "{\"user_input\":\"list pods\"}");
        CommandRequested requested = saga.requested(user, "list pods");
        assertThat(requested.stream()).isTrue();
        saga.publish(Topics.AI_ANSWER_CHUNKS, SagaEventsMother.chunk(requested.commandId(), user, 0, "kubectl "));

        var events = new SseEvents(response.get(WAIT.toSeconds(), TimeUnit.SECONDS).body().iterator());

        assertThat(events.next()).isEqualTo(new SseEvents.SseEvent("chunk", "{\"sequence\":0,\"text\":\"kubectl \"}"));
        SseEvents.SseEvent end = events.next();
        assertThat(end.name()).isEqualTo("error");
        JsonNode error = JSON.readTree(end.data());
        assertThat(error.get("code").asString()).isEqualTo("answer_timeout");
        assertThat(error.get("status").asInt()).isEqualTo(504);
        assertThat(error.get("message").asString()).contains("GET /api/commands/" + requested.commandId());
        assertThat(events.next()).isNull();
        assertThat(saga.commandEventTypes(requested.commandId(), Duration.ofMillis(300)))
                .isEqualTo(List.of("CommandRequested"));
    }

    private static void sleepUntil(Instant moment) throws InterruptedException {
        Duration left = Duration.between(Instant.now(), moment);
        if (left.isPositive()) {
            Thread.sleep(left);
        }
    }
}

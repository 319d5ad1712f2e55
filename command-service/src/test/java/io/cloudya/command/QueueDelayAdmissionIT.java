package io.cloudya.command;

import static io.cloudya.command.SagaPlayer.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudya.command.admission.QueueDelay;
import io.cloudya.command.store.CommandStatus;
import io.cloudya.command.store.NewCommand;
import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.ai.AiJobCompleted;
import io.cloudya.contracts.command.CommandRequested;
import io.cloudya.contracts.command.ExecutionMode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

/**
 * While a queue stands in the saga, as the verdicts report it, Free and Starter commands beyond what the saga serves
 * are turned away at once (503, nothing stored) while Pro is still admitted; once the answers come fast again, they
 * are let in. Its own context, broker and clock for the queue's intervals, so no other test shares the queue it
 * builds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cloudya.command.answer-timeout=20s", "cloudya.command.admission.queue-limit-floor=1"})
@ActiveProfiles("it")
@EmbeddedKafka(partitions = 1, topics = {Topics.COMMAND_EVENTS, Topics.AI_JOB_REQUESTS,
        Topics.AI_JOB_REQUESTS_PRIORITY, Topics.AI_JOB_EVENTS, Topics.RESERVATION_EVENTS, Topics.AI_ANSWER_CHUNKS})
class QueueDelayAdmissionIT extends SagaITSupport {

    private static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final AtomicLong TICKS = new AtomicLong();

    @Autowired
    QueueDelay queueDelay;

    @Test
    void turnsStandardPlansAwayBeyondWhatTheSagaServesWhileAQueueStandsAndLetsThemInOnceAnswersAreFast()
            throws Exception {
        // accepted 6 s ago, answered by a model that took 0.1 s: 5.9 s spent queueing in the saga; one answer in the
        // interval, so 1/s x (0.1 s + the 2 s target): 3 may wait
        answerCommandAcceptedAgo(Duration.ofSeconds(6), Duration.ofMillis(100));
        intervalEndsWithTheSampleIn();
        List<Posted> waiting = List.of(post("free"), post("starter"), post("free"));

        String refused = "it-queue-refused-" + UUID.randomUUID();
        HttpResponse<String> response = api.post(refused, "starter", "req-" + refused,
                "{\"user_input\":\"list pods\"}").get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(JSON.readTree(response.body()).path("code").asString()).isEqualTo("overloaded");
        assertThat(jdbc.sql("SELECT count(*) FROM command WHERE user_id = :user").param("user", refused)
                .query(Long.class).single()).as("nothing stored").isZero();

        answerAtOnce(post("pro"));
        for (Posted posted : waiting) {
            answerAtOnce(posted);
        }
        nextInterval();

        answerAtOnce(post("free"));
    }

    /** A command stored {@code ago} (its request long gone), whose job the model answered in {@code model}. */
    private void answerCommandAcceptedAgo(Duration ago, Duration model) {
        String user = "it-queue-old-" + UUID.randomUUID();
        UUID commandId = UUID.randomUUID();
        commands.insert(new NewCommand(commandId, user, "free", "list pods", ExecutionMode.SUGGEST,
                Instant.now().minus(ago), null, null, false));
        publishVerdict(commandId, user, Instant.now().minus(model));
        awaitStatus(commandId, CommandStatus.COMPLETED);
    }

    /** Posts a command, which must be admitted: its CommandRequested goes out. */
    private Posted post(String plan) {
        String user = "it-queue-" + plan + "-" + UUID.randomUUID();
        var response = api.post(user, plan, "req-" + user, "{\"user_input\":\"list pods\"}");
        return new Posted(saga.requested(user, "list pods"), response);
    }

    /** Answers like the ai-worker does when the job waited for nothing and the model took a moment. */
    private void answerAtOnce(Posted posted) throws Exception {
        CommandRequested requested = posted.requested();
        publishVerdict(requested.commandId(), requested.userId(), Instant.now().minusMillis(20));
        assertThat(posted.response().get(WAIT.toSeconds(), TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    private void publishVerdict(UUID commandId, String userId, Instant startedAt) {
        var completed = new AiJobCompleted(commandId, userId, "kubectl get pods", List.of(), "offline-kb",
                "kb-2026.11", 3, SagaEventsMother.held(300, 700), startedAt);
        saga.publish(Topics.COMMAND_EVENTS, EventEnvelope.of(userId, null, completed));
    }

    /** The sample may be recorded a moment after the row shows the verdict: the interval ends once it is in. */
    private void intervalEndsWithTheSampleIn() {
        await().atMost(WAIT).until(() -> {
            nextInterval();
            return queueDelay.lastIntervalSeconds() > 0;
        });
    }

    private static void nextInterval() {
        TICKS.addAndGet(INTERVAL.toNanos());
    }

    private record Posted(CommandRequested requested, CompletableFuture<HttpResponse<String>> response) {
    }
}

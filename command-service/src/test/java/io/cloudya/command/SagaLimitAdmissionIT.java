package io.cloudya.command;

import static io.cloudya.command.SagaPlayer.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudya.command.admission.AdmissionProperties;
import io.cloudya.command.admission.SagaLimit;
import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.ai.AiJobCompleted;
import io.cloudya.contracts.command.CommandRequested;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

/**
 * The adaptive limit on commands in the saga, wired: past it Free and Starter commands are turned away at once (503,
 * nothing stored) while Pro is still admitted, each verdict steers it, and an answer makes room again. Its own
 * context and broker, with a limit of two that the few answers here cannot move (a window needs ten).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "cloudya.command.answer-timeout=20s")
@ActiveProfiles("it")
@EmbeddedKafka(partitions = 1, topics = {Topics.COMMAND_EVENTS, Topics.AI_JOB_REQUESTS,
        Topics.AI_JOB_REQUESTS_PRIORITY, Topics.AI_JOB_EVENTS, Topics.RESERVATION_EVENTS, Topics.AI_ANSWER_CHUNKS})
class SagaLimitAdmissionIT extends SagaITSupport {

    private static final List<Duration> SAMPLES = new CopyOnWriteArrayList<>();

    @TestConfiguration
    static class LimitOfTwo {
        @Bean
        @Primary
        SagaLimit limitOfTwo() {
            var settings = new AdmissionProperties(true, 1, 1.5, Duration.ofMillis(200), Duration.ofSeconds(1));
            return new SagaLimit(2, settings, System::nanoTime) {
                @Override
                public void record(Duration waited, int inFlight) {
                    SAMPLES.add(waited);
                    super.record(waited, inFlight);
                }
            };
        }
    }

    @Test
    void turnsStandardPlansAwayAtTheLimitKeepsThePriorityLaneOpenAndAdmitsThemAgainOnceAnswered() throws Exception {
        Posted first = post("free");
        Posted second = post("starter");

        String refused = "it-limit-refused-" + UUID.randomUUID();
        HttpResponse<String> response = api.post(refused, "starter", "req-" + refused,
                "{\"user_input\":\"list pods\"}").get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(JSON.readTree(response.body()).path("code").asString()).isEqualTo("overloaded");
        assertThat(jdbc.sql("SELECT count(*) FROM command WHERE user_id = :user").param("user", refused)
                .query(Long.class).single()).as("nothing stored").isZero();

        answerAtOnce(post("pro"));
        answerAtOnce(first);
        assertThat(SAMPLES).as("each verdict steers the limit").hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(waited -> assertThat(waited).isPositive().isLessThan(WAIT));

        answerAtOnce(post("free"));
        answerAtOnce(second);
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

    private record Posted(CommandRequested requested, CompletableFuture<HttpResponse<String>> response) {
    }
}

package io.cloudya.aiworker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudya.contracts.Event;
import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.ai.AiJobFailed;
import io.cloudya.contracts.command.AiJobRequested;
import io.cloudya.outbox.testing.KafkaProbe;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * The ai-worker alone decides whether its answer came in time, by its own clock: an answer ready at or after the
 * job's deadline is AiJobFailed(deadline_passed) on command.events, with no AiJobCompleted and no ai_job row, and
 * so is a failover that the deadline cut short. Here the worker's clock stands still until a test moves it, so a
 * slow start of the job never spends the deadline; the provider's call still waits in real time.
 */
@Import(DeadlineVerdictIT.StoppedClockConfig.class)
class DeadlineVerdictIT extends HeldProviderITSupport {

    /** A deadline this close cuts the provider's call short after as much real time: unanswered. */
    private static final Duration CLOSE_DEADLINE = Duration.ofSeconds(3);

    @Autowired StoppedClock clock;

    @BeforeEach
    void stopTheClockNow() {
        clock.set(Instant.now());
    }

    @Test
    void shouldFailAnAnswerReadyAtTheDeadlineWithDeadlinePassedAndRecordNoJob() throws Exception {
        var request = askedAndHeld("it-late-answer-", clock.instant().plusSeconds(60));

        clock.set(request.payload().deadline());
        PROVIDER.release();

        AiJobFailed failed = awaitFailed(request);
        assertThat(failed.code()).isEqualTo("deadline_passed");
        assertThat(outcomes(request)).as("no AiJobCompleted").isZero();
        assertThat(jobs.countForCommand(request.payload().commandId())).isZero();
    }

    @Test
    void shouldCompleteAnAnswerReadyJustBeforeTheDeadline() throws Exception {
        var request = askedAndHeld("it-just-in-time-", clock.instant().plusSeconds(60));

        clock.set(request.payload().deadline().minusMillis(1));
        PROVIDER.release();

        assertThat(awaitCompleted(request).provider()).isEqualTo("openai");
        assertThat(jobs.countForCommand(request.payload().commandId())).isEqualTo(1);
    }

    @Test
    void shouldFailWithDeadlinePassedWhenTheDeadlineCutsTheOnlyProviderShort() throws Exception {
        var request = askedAndHeld("it-cut-short-", clock.instant().plus(CLOSE_DEADLINE));

        // the deadline comes while the model is still thinking; its call ends unanswered a little later
        clock.set(request.payload().deadline());

        AiJobFailed failed = awaitFailed(request);
        assertThat(failed.code()).isEqualTo("deadline_passed");
        assertThat(failed.message()).as("the provider was asked: the job started in time")
                .contains("No AI provider could answer");
        assertThat(jobs.countForCommand(request.payload().commandId())).isZero();
    }

    @Test
    void shouldFailWithNoProviderWhenTheOnlyProviderGaveUpBeforeTheDeadline() throws Exception {
        var request = askedAndHeld("it-gave-up-", clock.instant().plus(CLOSE_DEADLINE));

        // the clock stays before the deadline: the call ends unanswered (its budget was the time left), in time
        AiJobFailed failed = awaitFailed(request);
        assertThat(failed.code()).isEqualTo("no_provider");
        assertThat(jobs.countForCommand(request.payload().commandId())).isZero();
    }

    /** Publishes a held job due at {@code deadline} and waits until the model is asked for it. */
    private EventEnvelope<AiJobRequested> askedAndHeld(String userPrefix, Instant deadline) throws Exception {
        String user = userPrefix + UUID.randomUUID();
        var request = held(user, deadline);
        publish(Topics.AI_JOB_REQUESTS, request);
        await().atMost(WAIT).until(() -> PROVIDER.requestsMentioning(heldFor(user)) == 1);
        return request;
    }

    /** The job's outcome, which must be a failure. */
    private AiJobFailed awaitFailed(EventEnvelope<AiJobRequested> request) {
        Event outcome = KafkaProbe.envelope(probe.await(Topics.COMMAND_EVENTS,
                AiWorkerIT.about(request.payload().commandId()), WAIT)).payload();
        assertThat(outcome).isInstanceOf(AiJobFailed.class);
        return (AiJobFailed) outcome;
    }

    /** The worker's clock: it reads what the test set, and moves only when the test moves it. */
    static final class StoppedClock extends Clock {

        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

        void set(Instant instant) {
            now.set(instant);
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the worker reads instants only");
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class StoppedClockConfig {

        /** Takes the place of ClockConfig's system clock wherever the worker reads the time. */
        @Bean
        @Primary
        StoppedClock stoppedClock() {
            return new StoppedClock();
        }
    }
}

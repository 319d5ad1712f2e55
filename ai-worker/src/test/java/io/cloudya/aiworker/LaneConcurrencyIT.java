package io.cloudya.aiworker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.command.AiJobRequested;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** One instance answers many jobs at once, each lane within its own bound. */
class LaneConcurrencyIT extends HeldProviderITSupport {

    @Test
    void shouldAskTheModelForAsManyJobsOfALaneAtOnceAsItsBoundAllows() throws Exception {
        List<EventEnvelope<AiJobRequested>> requests = heldJobs("it-many-", STANDARD_SLOTS + 2);

        // the provider keeps each request open until released: the lane's bound of them are there together
        awaitHolding(STANDARD_SLOTS);
        assertThat(inFlight("standard")).isEqualTo(STANDARD_SLOTS);
        // the rest wait in Kafka (back-pressure), not at the provider
        await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> PROVIDER.holding() == STANDARD_SLOTS);

        PROVIDER.release();
        for (var request : requests) {
            assertThat(awaitCompleted(request).provider()).isEqualTo("openai");
        }
        assertThat(PROVIDER.mostHeldAtOnce()).isEqualTo(STANDARD_SLOTS);
        await().atMost(WAIT).until(() -> inFlight("standard") == 0);
    }

    @Test
    void shouldAnswerAPriorityJobWhileTheStandardLaneIsFull() throws Exception {
        List<EventEnvelope<AiJobRequested>> backlog = heldJobs("it-free-", STANDARD_SLOTS + 1);
        awaitHolding(STANDARD_SLOTS);

        var pro = AiJobRequestedMother.job("it-pro-" + UUID.randomUUID(), "pro", "list pods in namespace web",
                Instant.now().plusSeconds(60));
        publish(Topics.AI_JOB_REQUESTS_PRIORITY, pro);

        assertThat(awaitCompleted(pro).provider()).isEqualTo("openai");
        // answered while every standard job was still held, the last one not even started
        assertThat(PROVIDER.holding()).isEqualTo(STANDARD_SLOTS);
        assertThat(PROVIDER.requestsMentioning(heldFor(backlog.getLast().key()))).isZero();
        assertThat(backlog).allSatisfy(request -> assertThat(outcomes(request)).isZero());

        PROVIDER.release();
        backlog.forEach(this::awaitCompleted);
    }

    private List<EventEnvelope<AiJobRequested>> heldJobs(String userPrefix, int count) throws Exception {
        List<EventEnvelope<AiJobRequested>> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            var request = held(userPrefix + UUID.randomUUID());
            publish(Topics.AI_JOB_REQUESTS, request);
            requests.add(request);
        }
        return requests;
    }
}

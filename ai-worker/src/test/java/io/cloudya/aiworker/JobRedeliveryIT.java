package io.cloudya.aiworker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudya.aiworker.job.RunAiJob;
import io.cloudya.aiworker.job.RunAiJobHandler;
import io.cloudya.contracts.Topics;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * At least once, answered once, with jobs running concurrently: a job's offset is committed only after its
 * outcome, and a copy of a job (same event id) that arrives while the model is still thinking is not answered
 * again nor sent to the model again.
 */
class JobRedeliveryIT extends HeldProviderITSupport {

    @Autowired RunAiJobHandler handler;
    @Autowired KafkaListenerEndpointRegistry containers;
    @Autowired JdbcClient jdbc;

    @Test
    void shouldAnswerACopyArrivingWhileTheJobRunsOnce() throws Exception {
        String user = "it-copy-" + UUID.randomUUID();
        var request = held(user);
        double duplicatesBefore = duplicates();
        publish(Topics.AI_JOB_REQUESTS, request);
        await().atMost(WAIT).until(() -> PROVIDER.requestsMentioning(heldFor(user)) == 1);

        publish(Topics.AI_JOB_REQUESTS, request);
        // a later job of the lane is answered, so the copy before it was taken in while the first still ran
        var later = AiJobRequestedMother.listPods("it-copy-later-" + UUID.randomUUID());
        publish(Topics.AI_JOB_REQUESTS, later);
        awaitCompleted(later);
        assertThat(PROVIDER.requestsMentioning(heldFor(user))).isEqualTo(1);

        PROVIDER.release();
        awaitCompleted(request);
        await().atMost(WAIT).until(() -> duplicates() == duplicatesBefore + 1);
        assertThat(PROVIDER.requestsMentioning(heldFor(user))).isEqualTo(1);
        assertThat(jobs.countForCommand(request.payload().commandId())).isEqualTo(1);
        assertThat(outcomes(request)).isEqualTo(1);
    }

    @Test
    void shouldMakeACopyOnAnotherInstanceWaitForTheRunningJobAndSkipIt() throws Exception {
        String user = "it-other-" + UUID.randomUUID();
        var request = held(user);
        publish(Topics.AI_JOB_REQUESTS, request);
        await().atMost(WAIT).until(() -> PROVIDER.requestsMentioning(heldFor(user)) == 1);

        // another instance got the copy: same handler, its own thread and connection
        var copy = new RunAiJob(request.id(), request.traceId(), request.payload());
        CompletableFuture<String> other = CompletableFuture.supplyAsync(() -> handler.handle(copy));
        await().atMost(WAIT).until(() -> sessionsWaitingForALock() == 1);
        assertThat(other).isNotDone();

        PROVIDER.release();
        assertThat(other.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("duplicate");
        awaitCompleted(request);
        assertThat(PROVIDER.requestsMentioning(heldFor(user))).isEqualTo(1);
        assertThat(jobs.countForCommand(request.payload().commandId())).isEqualTo(1);
    }

    @Test
    void shouldKeepTheOffsetOfARunningJobUncommittedSoARestartRedeliversIt() throws Exception {
        String user = "it-restart-" + UUID.randomUUID();
        var running = held(user);
        long runningOffset = publish(Topics.AI_JOB_REQUESTS, running);
        await().atMost(WAIT).until(() -> PROVIDER.requestsMentioning(heldFor(user)) == 1);
        var finished = AiJobRequestedMother.listPods(user);
        long finishedOffset = publish(Topics.AI_JOB_REQUESTS, finished);
        awaitCompleted(finished);
        double duplicatesBefore = duplicates();

        var container = containers.getListenerContainer("ai-jobs-standard");
        container.stop();
        try {
            // stopping committed every acknowledged offset: not the running job's, though the later job finished
            assertThat(committedOffset()).isEqualTo(runningOffset);
        } finally {
            container.start();
        }
        // both come again: the finished job is skipped by its dedup mark, the running one joins the running job
        await().atMost(WAIT).until(() -> duplicates() == duplicatesBefore + 1);
        PROVIDER.release();
        awaitCompleted(running);
        await().atMost(WAIT).until(() -> duplicates() == duplicatesBefore + 2);
        await().atMost(WAIT).until(() -> committedOffset() == finishedOffset + 1);
        assertThat(PROVIDER.requestsMentioning(heldFor(user))).isEqualTo(1);
        assertThat(jobs.countForCommand(running.payload().commandId())).isEqualTo(1);
        assertThat(outcomes(running)).isEqualTo(1);
    }

    private long sessionsWaitingForALock() {
        return jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                + "AND wait_event_type = 'Lock'").query(Long.class).single();
    }
}

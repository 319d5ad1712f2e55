package io.cloudya.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudya.contracts.Topics;
import io.cloudya.contracts.command.AiJobRequested;
import io.cloudya.contracts.token.HeldTokens;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The ai-worker's verdict, on command.events, resolves the hold: its answer charges the words it used (never more
 * than the hold it hands back) and releases the rest; its giving up releases everything. command-service answers
 * the client from the same verdict, so the ledger and the client cannot disagree.
 */
@TokenServiceIT
class AiWorkerVerdictIT extends SagaLedgerITSupport {

    @Test
    void settlesFromTheAiWorkersAnswerOnTheCommandTopic() {
        var job = jobOfANewUser("verdict-answer");

        Events.publish(kafka, Events.answered(job, 120));

        var settled = LedgerOutcomes.awaitSettled(probe, job.commandId(), WAIT);
        assertThat(settled.reservationId()).isEqualTo(job.reservation().reservationId());
        assertThat(settled.charged()).isEqualTo(120);
        assertThat(settled.released()).isEqualTo(180);
        assertThat(settled.balanceAfter()).isEqualTo(880);
        assertThat(ledger.reservationStatus(job.commandId())).isEqualTo("SETTLED");
        assertThat(ledger.buckets(job.userId()).allowance()).isEqualTo(880);
        assertThat(ledger.buckets(job.userId()).reserved()).isZero();
    }

    @Test
    void chargesNoMoreThanTheHoldWhenTheAnswerUsedMoreWords() {
        var job = jobOfANewUser("verdict-long");

        Events.publish(kafka, Events.answered(job, 450));

        var settled = LedgerOutcomes.awaitSettled(probe, job.commandId(), WAIT);
        assertThat(settled.charged()).isEqualTo(300);
        assertThat(settled.released()).isZero();
        assertThat(settled.balanceAfter()).isEqualTo(700);
    }

    @Test
    void releasesTheHoldWhenTheAiWorkerGivesUp() {
        var job = jobOfANewUser("verdict-late");

        Events.publish(kafka, Events.gaveUp(job.userId(), job.commandId(), "deadline_passed"));

        var released = LedgerOutcomes.awaitReleased(probe, job.commandId(), WAIT);
        assertThat(released.released()).isEqualTo(300);
        assertThat(released.reason()).as("ReservationReleased's contract: command_failed or expired")
                .isEqualTo("command_failed");
        assertThat(released.balanceAfter()).isEqualTo(1000);
        assertThat(ledger.reservationStatus(job.commandId())).isEqualTo("RELEASED");
        assertThat(ledger.buckets(job.userId()).allowance()).isEqualTo(1000);
        assertThat(ledger.buckets(job.userId()).reserved()).isZero();
    }

    @Test
    void settlesFromAnAnswerOnTheLegacyAiJobTopic() {
        var job = jobOfANewUser("verdict-legacy-topic");

        Events.publish(kafka, Topics.AI_JOB_EVENTS, Events.answered(job, 80));

        assertThat(LedgerOutcomes.awaitSettled(probe, job.commandId(), WAIT).charged()).isEqualTo(80);
        assertThat(ledger.reservationStatus(job.commandId())).isEqualTo("SETTLED");
        assertThat(ledger.buckets(job.userId()).allowance()).isEqualTo(920);
    }

    @Test
    void rejectsAnAnswerNamingAnotherHoldAndChangesNothing() {
        var job = jobOfANewUser("verdict-foreign");
        var held = ledger.buckets(job.userId());
        long entries = ledger.entries(job.userId());
        double rejectedBefore = new Counters(meters).rejected("reservation_mismatch");
        var foreignHold = new HeldTokens(UUID.randomUUID(), 300, 700);
        var answer = Events.answered(job.userId(), job.commandId(), 120, foreignHold);

        Events.publish(kafka, answer);

        await().atMost(WAIT).until(() -> new Counters(meters).rejected("reservation_mismatch") >= rejectedBefore + 1);
        assertThat(ledger.reservationStatus(job.commandId())).isEqualTo("PENDING");
        assertThat(ledger.buckets(job.userId())).isEqualTo(held);
        assertThat(ledger.entries(job.userId())).isEqualTo(entries);
        assertThat(jdbc.sql("SELECT count(*) FROM processed_event WHERE event_id = :id").param("id", answer.id())
                .query(Long.class).single()).as("not marked processed: rolled back with the rejection").isZero();
        probe.drain(Duration.ofSeconds(1));
        assertThat(probe.matching(Topics.RESERVATION_EVENTS, LedgerOutcomes.settledFor(job.commandId()))).isEmpty();
    }

    /** A new Free user's command holding the plan cap, 300 of its 1,000 tokens, and the job sent for it. */
    private AiJobRequested jobOfANewUser(String prefix) {
        String user = Events.newUser(prefix);
        UUID command = UUID.randomUUID();
        Events.publish(kafka, Events.registered(user));
        Events.publish(kafka, Events.requested(user, command, 300));
        var job = AiJobs.await(probe, Topics.AI_JOB_REQUESTS, command, WAIT);
        assertThat(job.reservation().amount()).isEqualTo(300);
        return job;
    }
}

package io.cloudya.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.cloudya.contracts.Topics;
import io.cloudya.contracts.command.AiJobRequested;
import io.cloudya.contracts.token.HeldTokens;
import io.cloudya.contracts.token.TokensRejected;
import io.cloudya.outbox.testing.KafkaProbe;
import io.cloudya.token.reservation.Reservation;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The command saga through real Kafka: the request and the ai-worker's verdict in on command.events; the AI job
 * (with the hold) and the ledger's outcomes out through the outbox fast path.
 */
@TokenServiceIT
class SagaParticipantIT extends SagaLedgerITSupport {

    @Test
    void shouldHoldThePlanCapSendTheJobWithTheHoldThenChargeWordsUsedAndReleaseTheRest() {
        String user = Events.newUser("saga");
        UUID command = UUID.randomUUID();
        Events.publish(kafka, Events.registered(user));
        Events.publish(kafka, Events.requested(user, command, 1000));

        var record = AiJobs.awaitRecord(probe, Topics.AI_JOB_REQUESTS, command, WAIT);
        var job = (AiJobRequested) KafkaProbe.envelope(record).payload();
        assertThat(record.key()).isEqualTo(user);
        assertThat(KafkaProbe.envelope(record).traceId()).isEqualTo("trace-" + command);
        assertThat(job.reservation()).isEqualTo(new HeldTokens(Reservation.idFor(command), 300, 700));
        assertThat(job.maxWords()).as("the job may use what is held").isEqualTo(300);
        assertThat(job.deadline()).as("no deadline from an older producer: the hold's expiry")
                .isCloseTo(ledger.reservationExpiresAt(command), within(1, ChronoUnit.MILLIS));

        Events.publish(kafka, Events.answered(job, 120));

        var settled = LedgerOutcomes.awaitSettled(probe, command, WAIT);
        assertThat(settled.charged()).isEqualTo(120);
        assertThat(settled.released()).isEqualTo(180);
        assertThat(settled.balanceAfter()).isEqualTo(880)
                .as("command-service's tokens_remaining formula")
                .isEqualTo(job.reservation().remainingAfter(settled.charged()));
        var buckets = ledger.buckets(user);
        assertThat(buckets.allowance()).isEqualTo(880);
        assertThat(buckets.reserved()).isZero();
        assertThat(ledger.reservationStatus(command)).isEqualTo("SETTLED");
    }

    @Test
    void shouldRejectWithTheBalanceAndSendNoJobWhenLessThanTheMinimumIsLeft() {
        String user = Events.newUser("saga-poor");
        Events.publish(kafka, Events.registered(user));
        for (int i = 0; i < 4; i++) {
            UUID command = UUID.randomUUID();
            Events.publish(kafka, Events.requested(user, command, 300));
            Events.publish(kafka, Events.answered(user, command, i < 3 ? 300 : 60));
        }
        await().atMost(WAIT).until(() -> ledger.buckets(user) != null && ledger.buckets(user).available() == 40);
        UUID tooMuch = UUID.randomUUID();

        Events.publish(kafka, Events.requested(user, tooMuch, 300));

        var rejected = (TokensRejected) KafkaProbe.envelope(probe.await(Topics.RESERVATION_EVENTS,
                e -> e.payload() instanceof TokensRejected r && r.commandId().equals(tooMuch), WAIT)).payload();
        assertThat(rejected.available()).isEqualTo(40);
        assertThat(rejected.requested()).isEqualTo(300);
        assertThat(rejected.plan()).isEqualTo("free");
        assertThat(ledger.reservationStatus(tooMuch)).isEqualTo("REJECTED");
        probe.drain(Duration.ofSeconds(1));
        assertThat(probe.matching(Topics.AI_JOB_REQUESTS, AiJobs.jobFor(tooMuch))).isEmpty();
    }

    @Test
    void shouldHoldPartiallyAndCutTheJobWhenLessThanTheCapButAtLeastTheMinimumIsLeft() {
        String user = Events.newUser("saga-partial");
        UUID first = UUID.randomUUID();
        Events.publish(kafka, Events.registered(user));
        Events.publish(kafka, Events.requested(user, first, 300));
        Events.publish(kafka, Events.answered(user, first, 300));
        Events.publish(kafka, Events.requested(user, UUID.randomUUID(), 300));
        Events.publish(kafka, Events.requested(user, UUID.randomUUID(), 300));
        UUID partial = UUID.randomUUID();

        Events.publish(kafka, Events.requested(user, partial, 300));

        var job = AiJobs.await(probe, Topics.AI_JOB_REQUESTS, partial, WAIT);
        assertThat(job.reservation()).isEqualTo(new HeldTokens(Reservation.idFor(partial), 100, 0));
        assertThat(job.maxWords()).as("the job is cut to what is held").isEqualTo(100);
    }
}

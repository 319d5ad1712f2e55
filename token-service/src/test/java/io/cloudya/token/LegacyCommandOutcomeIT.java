package io.cloudya.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudya.contracts.Topics;
import io.cloudya.token.reservation.Reservation;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * CommandCompleted and CommandFailed, what command-service sent before the ai-worker's verdict settled the ledger,
 * are still applied, so that a rolling upgrade loses no outcome; a hold is resolved once, by whichever comes
 * first. command-service often never learnt the hold (it travels only with the AI job and its answer), so such an
 * outcome may name no reservation: the ledger finds the hold by command id.
 */
@TokenServiceIT
class LegacyCommandOutcomeIT extends SagaLedgerITSupport {

    @Test
    void legacyCommandFailedNamingNoReservationReleasesTheHold() {
        String user = Events.newUser("legacy-unnamed");
        UUID command = UUID.randomUUID();
        Events.publish(kafka, Events.registered(user));
        Events.publish(kafka, Events.requested(user, command, 300));
        AiJobs.await(probe, Topics.AI_JOB_REQUESTS, command, WAIT);

        Events.publish(kafka, Events.legacyFailedWithoutReservationId(user, command, "ai_failed"));

        var released = LedgerOutcomes.awaitReleased(probe, command, WAIT);
        assertThat(released.reservationId()).isEqualTo(Reservation.idFor(command));
        assertThat(released.released()).isEqualTo(300);
        assertThat(released.balanceAfter()).isEqualTo(1000);
        assertThat(ledger.reservationStatus(command)).isEqualTo("RELEASED");
        assertThat(ledger.buckets(user).reserved()).isZero();
    }

    @Test
    void legacyFailureThatOvertookItsRequestIsParkedThenReleasesAtReserveTimeAndSendsNoJob() {
        String user = Events.newUser("legacy-overtaken");
        UUID command = UUID.randomUUID();
        Events.publish(kafka, Events.registered(user));
        Events.publish(kafka, Events.legacyFailedWithoutReservationId(user, command, "answer_timeout"));
        await().atMost(WAIT).until(() -> jdbc.sql("SELECT count(*) FROM early_outcome WHERE command_id = :c")
                .param("c", command).query(Long.class).single() == 1);

        Events.publish(kafka, Events.requested(user, command, 300));

        var released = LedgerOutcomes.awaitReleased(probe, command, WAIT);
        assertThat(released.released()).isEqualTo(300);
        assertThat(released.balanceAfter()).isEqualTo(1000);
        assertThat(ledger.reservationStatus(command)).isEqualTo("RELEASED");
        assertThat(ledger.buckets(user).reserved()).isZero();
        probe.drain(Duration.ofSeconds(2));
        assertThat(probe.matching(Topics.AI_JOB_REQUESTS, AiJobs.jobFor(command)))
                .as("the command is over: no AI job").isEmpty();
        assertThat(probe.matching(Topics.AI_JOB_REQUESTS_PRIORITY, AiJobs.jobFor(command))).isEmpty();
    }

    @Test
    void legacyCommandCompletedAfterTheAiWorkersAnswerChargesNothingMore() {
        String user = Events.newUser("legacy-late");
        UUID command = UUID.randomUUID();
        Events.publish(kafka, Events.registered(user));
        Events.publish(kafka, Events.requested(user, command, 300));
        var job = AiJobs.await(probe, Topics.AI_JOB_REQUESTS, command, WAIT);
        double ignoredBefore = alreadySettled();

        Events.publish(kafka, Events.answered(job, 120));
        Events.publish(kafka, Events.legacyCompleted(user, command, 250));

        await().atMost(WAIT).until(() -> alreadySettled() >= ignoredBefore + 1);
        assertThat(LedgerOutcomes.awaitSettled(probe, command, WAIT).charged()).isEqualTo(120);
        assertThat(ledger.buckets(user).allowance()).isEqualTo(880);
        assertThat(ledger.buckets(user).reserved()).isZero();
        assertThat(ledger.entries(user)).as("sign-up grant, reserve, one settle").isEqualTo(3);
        probe.drain(Duration.ofSeconds(1));
        assertThat(probe.matching(Topics.RESERVATION_EVENTS, LedgerOutcomes.settledFor(command))).hasSize(1);
    }

    private double alreadySettled() {
        return new Counters(meters).count("tokens.outcome.already_resolved", "status", "SETTLED");
    }
}

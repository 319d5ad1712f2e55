package io.cloudya.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudya.contracts.Event;
import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.token.ReservationReleased;
import io.cloudya.outbox.testing.KafkaProbe;
import io.cloudya.token.reservation.Reservation;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * CommandFailed without a reservation id, as command-service sends it when the command ends before it learnt the
 * hold (the hold travels only with the AI job and its answer): the ledger finds the hold by command id.
 */
@TokenServiceIT
class ReleaseWithoutReservationIdIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired EmbeddedKafkaBroker broker;
    @Autowired KafkaTemplate<String, String> kafka;
    @Autowired JdbcClient jdbc;

    private KafkaProbe probe;
    private LedgerState ledger;

    @BeforeEach
    void openProbe() {
        probe = new KafkaProbe(broker, Topics.RESERVATION_EVENTS, Topics.AI_JOB_REQUESTS,
                Topics.AI_JOB_REQUESTS_PRIORITY);
        ledger = new LedgerState(jdbc);
    }

    @AfterEach
    void closeProbe() {
        probe.close();
    }

    @Test
    void shouldReleaseAHeldReservationWhenTheFailureNamesNoReservation() {
        String user = Events.newUser("unnamed");
        UUID command = UUID.randomUUID();
        Events.publish(kafka, Events.registered(user));
        Events.publish(kafka, Events.requested(user, command, 300));
        AiJobs.await(probe, Topics.AI_JOB_REQUESTS, command, WAIT);

        Events.publish(kafka, Events.failedWithoutReservationId(user, command, "ai_failed"));

        var released = awaitReleased(command);
        assertThat(released.reservationId()).isEqualTo(Reservation.idFor(command));
        assertThat(released.released()).isEqualTo(300);
        assertThat(released.balanceAfter()).isEqualTo(1000);
        assertThat(ledger.reservationStatus(command)).isEqualTo("RELEASED");
        assertThat(ledger.buckets(user).reserved()).isZero();
    }

    @Test
    void shouldParkAFailureThatOvertookItsRequestThenReleaseAtReserveTimeAndSendNoJob() {
        String user = Events.newUser("overtaken");
        UUID command = UUID.randomUUID();
        Events.publish(kafka, Events.registered(user));
        Events.publish(kafka, Events.failedWithoutReservationId(user, command, "answer_timeout"));
        await().atMost(WAIT).until(() -> jdbc.sql("SELECT count(*) FROM early_outcome WHERE command_id = :c")
                .param("c", command).query(Long.class).single() == 1);

        Events.publish(kafka, Events.requested(user, command, 300));

        var released = awaitReleased(command);
        assertThat(released.released()).isEqualTo(300);
        assertThat(released.balanceAfter()).isEqualTo(1000);
        assertThat(ledger.reservationStatus(command)).isEqualTo("RELEASED");
        assertThat(ledger.buckets(user).reserved()).isZero();
        probe.drain(Duration.ofSeconds(2));
        assertThat(probe.matching(Topics.AI_JOB_REQUESTS, AiJobs.jobFor(command)))
                .as("the command is over: no AI job").isEmpty();
        assertThat(probe.matching(Topics.AI_JOB_REQUESTS_PRIORITY, AiJobs.jobFor(command))).isEmpty();
    }

    private ReservationReleased awaitReleased(UUID command) {
        Predicate<EventEnvelope<Event>> releasedFor = e -> e.payload() instanceof ReservationReleased r
                && r.commandId().equals(command);
        return (ReservationReleased) KafkaProbe.envelope(probe.await(Topics.RESERVATION_EVENTS, releasedFor, WAIT))
                .payload();
    }
}

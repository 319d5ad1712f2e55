package io.cloudya.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudya.contracts.Topics;
import io.cloudya.contracts.command.AiJobRequested;
import io.cloudya.contracts.command.ChatTurn;
import io.cloudya.contracts.command.ExecutionMode;
import io.cloudya.contracts.token.HeldTokens;
import io.cloudya.outbox.testing.KafkaProbe;
import io.cloudya.token.reservation.Reservation;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * The AI job token-service sends once it holds a command's tokens: on the lane the request asked for, and with
 * everything the ai-worker needs from the request, since command-service no longer sends the job itself.
 */
@TokenServiceIT
class AiJobLaneIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired EmbeddedKafkaBroker broker;
    @Autowired KafkaTemplate<String, String> kafka;

    private KafkaProbe probe;

    @BeforeEach
    void openProbe() {
        probe = new KafkaProbe(broker, Topics.AI_JOB_REQUESTS, Topics.AI_JOB_REQUESTS_PRIORITY);
    }

    @AfterEach
    void closeProbe() {
        probe.close();
    }

    @Test
    void shouldSendAPriorityRequestsJobToThePriorityLaneAndAStandardOneToTheStandardLane() {
        String user = Events.newUser("lanes");
        UUID priority = UUID.randomUUID();
        UUID standard = UUID.randomUUID();
        Instant deadline = Instant.now().plusSeconds(30).truncatedTo(ChronoUnit.MILLIS);
        Events.publish(kafka, Events.registered(user));
        Events.publish(kafka, Events.chat(user, priority, deadline, null, true, true));
        Events.publish(kafka, Events.chat(user, standard, deadline, null, true, false));

        var fast = AiJobs.awaitRecord(probe, Topics.AI_JOB_REQUESTS_PRIORITY, priority, WAIT);
        var slow = AiJobs.awaitRecord(probe, Topics.AI_JOB_REQUESTS, standard, WAIT);
        probe.drain(Duration.ofSeconds(1));

        assertThat(fast.key()).isEqualTo(user);
        assertThat(slow.key()).isEqualTo(user);
        assertThat(probe.matching(Topics.AI_JOB_REQUESTS, AiJobs.jobFor(priority))).isEmpty();
        assertThat(probe.matching(Topics.AI_JOB_REQUESTS_PRIORITY, AiJobs.jobFor(standard))).isEmpty();
    }

    @Test
    void shouldCarryTheDeadlineHistoryAndStreamingChoiceOfAChatRequestIntoItsJob() {
        String user = Events.newUser("chat");
        UUID command = UUID.randomUUID();
        Instant deadline = Instant.now().plusSeconds(30).truncatedTo(ChronoUnit.MILLIS);
        var history = List.of(new ChatTurn(ChatTurn.USER, "list pods in namespace web"),
                new ChatTurn(ChatTurn.ASSISTANT, "kubectl get pods -n web"));
        Events.publish(kafka, Events.registered(user));
        Events.publish(kafka, Events.chat(user, command, deadline, history, false, false));

        var record = AiJobs.awaitRecord(probe, Topics.AI_JOB_REQUESTS, command, WAIT);
        var job = (AiJobRequested) KafkaProbe.envelope(record).payload();

        assertThat(KafkaProbe.envelope(record).traceId()).isEqualTo("trace-" + command);
        assertThat(job.deadline()).as("the client's deadline, not the hold's expiry").isEqualTo(deadline);
        assertThat(job.history()).isEqualTo(history);
        assertThat(job.stream()).isFalse();
        assertThat(job.streamsChunks()).isFalse();
        assertThat(job.userId()).isEqualTo(user);
        assertThat(job.plan()).isEqualTo("free");
        assertThat(job.userInput()).isEqualTo("and only the failing ones?");
        assertThat(job.executionMode()).isEqualTo(ExecutionMode.SUGGEST);
        assertThat(job.maxWords()).isEqualTo(300);
        assertThat(job.reservation()).isEqualTo(new HeldTokens(Reservation.idFor(command), 300, 700));
    }
}

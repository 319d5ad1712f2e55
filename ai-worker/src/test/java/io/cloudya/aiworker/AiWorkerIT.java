package io.cloudya.aiworker;

import io.cloudya.outbox.testing.KafkaProbe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudya.aiworker.job.AiJobRepository;
import io.cloudya.contracts.Event;
import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.ai.AiJobCompleted;
import io.cloudya.contracts.ai.AiJobFailed;
import io.cloudya.contracts.ai.Risk;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

/** The CDC relay does not run here: every event seen on Kafka comes from the outbox fast path. */
@SpringBootTest
@ActiveProfiles("it")
@EmbeddedKafka(partitions = 1,
        topics = {Topics.AI_JOB_REQUESTS, Topics.AI_JOB_REQUESTS_PRIORITY, Topics.COMMAND_EVENTS})
class AiWorkerIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired EmbeddedKafkaBroker broker;
    @Autowired KafkaTemplate<String, String> kafka;
    @Autowired AiJobRepository jobs;
    @Autowired MeterRegistry meters;

    private KafkaProbe probe;

    @BeforeEach
    void openProbe() {
        probe = new KafkaProbe(broker, Topics.COMMAND_EVENTS);
    }

    @AfterEach
    void closeProbe() {
        probe.close();
    }

    @Test
    void shouldAnswerStandardJobFromOfflineKnowledgeBase() throws Exception {
        var request = AiJobRequestedMother.listPods("it-user-" + UUID.randomUUID());
        Instant published = Instant.now();

        AiJobRequestedMother.publish(kafka, Topics.AI_JOB_REQUESTS, request);

        var record = probe.await(Topics.COMMAND_EVENTS, about(request.payload().commandId()), WAIT);
        EventEnvelope<Event> outcome = KafkaProbe.envelope(record);
        var completed = (AiJobCompleted) outcome.payload();
        assertThat(completed.provider()).isEqualTo("offline-kb");
        assertThat(completed.model()).isEqualTo("kb-2026.11");
        assertThat(completed.commands()).singleElement().satisfies(c -> {
            assertThat(c.command()).isEqualTo("kubectl get pods -n web");
            assertThat(c.risk()).isEqualTo(Risk.SAFE);
        });
        assertThat(completed.wordsUsed()).isPositive().isLessThanOrEqualTo(300);
        assertThat(completed.startedAt()).as("when the worker took the job up: command-service's queue signal")
                .isBetween(published, outcome.occurredAt());
        assertThat(completed.reservation()).as("the hold goes back to command-service")
                .isEqualTo(request.payload().reservation());
        assertThat(outcome.key()).isEqualTo(request.key());
        assertThat(outcome.traceId()).isEqualTo(request.traceId());
        assertThat(KafkaProbe.header(record, "eventType")).isEqualTo("AiJobCompleted");
        assertThat(jobs.countForCommand(completed.commandId())).isEqualTo(1);
    }

    @Test
    void shouldAnswerPriorityJob() throws Exception {
        String user = "it-pro-" + UUID.randomUUID();
        var request = AiJobRequestedMother.job(user, "pro", "destroy terraform infrastructure",
                Instant.now().plusSeconds(60));

        AiJobRequestedMother.publish(kafka, Topics.AI_JOB_REQUESTS_PRIORITY, request);

        var completed = (AiJobCompleted) KafkaProbe.envelope(
                probe.await(Topics.COMMAND_EVENTS, about(request.payload().commandId()), WAIT)).payload();
        assertThat(completed.commands()).singleElement().satisfies(c -> {
            assertThat(c.risk()).isEqualTo(Risk.DANGEROUS);
            assertThat(c.requiresConfirmation()).isTrue();
        });
    }

    @Test
    void shouldFailJobWhoseDeadlinePassedWithoutAnswering() throws Exception {
        var request = AiJobRequestedMother.job("it-late-" + UUID.randomUUID(), "free", "list pods",
                Instant.now().minusSeconds(1));

        AiJobRequestedMother.publish(kafka, Topics.AI_JOB_REQUESTS, request);

        var failed = (AiJobFailed) KafkaProbe.envelope(
                probe.await(Topics.COMMAND_EVENTS, about(request.payload().commandId()), WAIT)).payload();
        assertThat(failed.code()).isEqualTo("deadline_passed");
        assertThat(jobs.countForCommand(request.payload().commandId())).isZero();
    }

    @Test
    void shouldAnswerDuplicateDeliveryOfSameEventOnce() throws Exception {
        String user = "it-dup-" + UUID.randomUUID();
        var request = AiJobRequestedMother.listPods(user);
        double duplicatesBefore = duplicates();

        AiJobRequestedMother.publish(kafka, Topics.AI_JOB_REQUESTS, request);
        AiJobRequestedMother.publish(kafka, Topics.AI_JOB_REQUESTS, request);
        await().atMost(WAIT).until(() -> duplicates() == duplicatesBefore + 1);
        // a later job on the same lane and user: once its answer is on Kafka, any answer to the duplicate
        // (sent earlier by the same producer to the same partition) would be there too
        var sentinel = AiJobRequestedMother.listPods(user);
        AiJobRequestedMother.publish(kafka, Topics.AI_JOB_REQUESTS, sentinel);
        probe.await(Topics.COMMAND_EVENTS, about(sentinel.payload().commandId()), WAIT);

        assertThat(probe.matching(Topics.COMMAND_EVENTS, about(request.payload().commandId()))).hasSize(1);
        assertThat(jobs.countForCommand(request.payload().commandId())).isEqualTo(1);
    }

    private double duplicates() {
        var counter = meters.find("ai.jobs").tag("outcome", "duplicate").counter();
        return counter == null ? 0 : counter.count();
    }

    /** The job's outcome, whichever it is: AiJobCompleted or AiJobFailed about the command. */
    static Predicate<EventEnvelope<Event>> about(UUID commandId) {
        return envelope -> switch (envelope.payload()) {
            case AiJobCompleted completed -> completed.commandId().equals(commandId);
            case AiJobFailed failed -> failed.commandId().equals(commandId);
            default -> false;
        };
    }
}

package io.cloudya.aiworker;

import static org.awaitility.Awaitility.await;

import io.cloudya.aiworker.job.AiJobRepository;
import io.cloudya.aiworker.job.RunAiJobHandler;
import io.cloudya.aiworker.provider.HeldOpenAi;
import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.ai.AiJobCompleted;
import io.cloudya.contracts.command.AiJobRequested;
import io.cloudya.outbox.testing.KafkaProbe;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The concurrency tests' context (shared by every subclass that keeps these lanes): small lanes, and OpenAI
 * pointing at a local endpoint that keeps the requests marked {@link HeldOpenAi#HOLD} until released. One
 * partition per topic, so every job of a lane is in the same partition: they run at once all the same, and their
 * offsets are committed in order.
 */
@SpringBootTest(properties = {
        "cloudya.ai.lanes.priority.max-in-flight=" + HeldProviderITSupport.PRIORITY_SLOTS,
        "cloudya.ai.lanes.standard.max-in-flight=" + HeldProviderITSupport.STANDARD_SLOTS})
@ActiveProfiles("it")
@EmbeddedKafka(partitions = 1,
        topics = {Topics.AI_JOB_REQUESTS, Topics.AI_JOB_REQUESTS_PRIORITY, Topics.COMMAND_EVENTS})
abstract class HeldProviderITSupport {

    static final int PRIORITY_SLOTS = 2;
    static final int STANDARD_SLOTS = 4;
    static final Duration WAIT = Duration.ofSeconds(30);
    static final HeldOpenAi PROVIDER = new HeldOpenAi();

    @Autowired EmbeddedKafkaBroker broker;
    @Autowired KafkaTemplate<String, String> kafka;
    @Autowired AiJobRepository jobs;
    @Autowired MeterRegistry meters;

    KafkaProbe probe;

    @DynamicPropertySource
    static void heldProvider(DynamicPropertyRegistry registry) {
        heldProviderProperties().forEach((key, value) -> registry.add(key, () -> value));
    }

    /** OpenAI at the held endpoint, the only provider (no offline answers); the lanes are small (above). */
    static Map<String, Object> heldProviderProperties() {
        PROVIDER.start();
        String prefix = "cloudya.ai.providers[0].";
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(prefix + "name", "openai");
        properties.put(prefix + "type", "openai");
        properties.put(prefix + "base-url", PROVIDER.baseUrl() + "/v1");
        properties.put(prefix + "api-key", "test-key");
        properties.put(prefix + "model", "gpt-4o-mini");
        properties.put(prefix + "timeout", "40s");
        properties.put(prefix + "enabled", "true");
        properties.put("cloudya.ai-worker.offline-kb.enabled", "false");
        return properties;
    }

    @BeforeEach
    void holdAnswers() {
        PROVIDER.hold();
        probe = new KafkaProbe(broker, Topics.COMMAND_EVENTS);
    }

    @AfterEach
    void releaseAnswers() {
        PROVIDER.release();
        probe.close();
    }

    /** A Free job whose model answer is held until released; its prompt names the user. */
    static EventEnvelope<AiJobRequested> held(String userId) {
        return held(userId, Instant.now().plusSeconds(60));
    }

    static EventEnvelope<AiJobRequested> held(String userId, Instant deadline) {
        return AiJobRequestedMother.job(userId, "free", "list pods in namespace web " + heldFor(userId), deadline);
    }

    static String heldFor(String userId) {
        return HeldOpenAi.HOLD + " " + userId;
    }

    long publish(String topic, EventEnvelope<?> request) throws Exception {
        return AiJobRequestedMother.publish(kafka, topic, request);
    }

    AiJobCompleted awaitCompleted(EventEnvelope<AiJobRequested> request) {
        var commandId = request.payload().commandId();
        return (AiJobCompleted) KafkaProbe.envelope(probe.await(Topics.COMMAND_EVENTS,
                e -> e.payload() instanceof AiJobCompleted c && c.commandId().equals(commandId), WAIT)).payload();
    }

    long outcomes(EventEnvelope<AiJobRequested> request) {
        var commandId = request.payload().commandId();
        return probe.matching(Topics.COMMAND_EVENTS,
                e -> e.payload() instanceof AiJobCompleted c && c.commandId().equals(commandId)).size();
    }

    double inFlight(String lane) {
        return meters.get("ai.jobs.in.flight").tag("lane", lane).gauge().value();
    }

    double duplicates() {
        var counter = meters.find("ai.jobs").tag("outcome", "duplicate").counter();
        return counter == null ? 0 : counter.count();
    }

    void awaitHolding(int requests) {
        await().atMost(WAIT).until(() -> PROVIDER.holding() == requests);
    }

    /** Where the group resumes reading the standard lane (nothing committed yet: the beginning). */
    long committedOffset() throws Exception {
        try (var admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString()))) {
            var committed = admin.listConsumerGroupOffsets(RunAiJobHandler.GROUP).partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS).get(new TopicPartition(Topics.AI_JOB_REQUESTS, 0));
            return committed == null ? 0 : committed.offset();
        }
    }
}

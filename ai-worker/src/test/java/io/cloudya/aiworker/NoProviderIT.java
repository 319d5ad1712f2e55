package io.cloudya.aiworker;

import io.cloudya.outbox.testing.KafkaProbe;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.cloudya.aiworker.job.AiJobRepository;
import io.cloudya.aiworker.provider.ProviderMetrics;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.ai.AiJobFailed;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every configured provider answers 5xx and the offline answerer is off: the job fails with no_provider, as this
 * happens long before its deadline (at or after it the code is deadline_passed: DeadlineVerdictIT).
 */
@SpringBootTest
@ActiveProfiles("it")
@EmbeddedKafka(partitions = 1,
        topics = {Topics.AI_JOB_REQUESTS, Topics.AI_JOB_REQUESTS_PRIORITY, Topics.COMMAND_EVENTS})
class NoProviderIT {

    private static final String[][] PROVIDERS = {
            {"openai", "/v1", "/v1/chat/completions"}, {"anthropic", "", "/v1/messages"}, {"ollama", "", "/api/chat"}};
    private static final WireMockServer DOWN = new WireMockServer(wireMockConfig().dynamicPort());

    @Autowired EmbeddedKafkaBroker broker;
    @Autowired KafkaTemplate<String, String> kafka;
    @Autowired AiJobRepository jobs;
    @Autowired MeterRegistry meters;

    @DynamicPropertySource
    static void everyProviderDown(DynamicPropertyRegistry registry) {
        DOWN.start();
        DOWN.stubFor(post(urlPathEqualTo(PROVIDERS[0][2])).willReturn(aResponse().withStatus(503)));
        DOWN.stubFor(post(urlPathEqualTo(PROVIDERS[1][2])).willReturn(aResponse().withStatus(529)));
        DOWN.stubFor(post(urlPathEqualTo(PROVIDERS[2][2])).willReturn(aResponse().withStatus(500)));
        for (int i = 0; i < PROVIDERS.length; i++) {
            String prefix = "cloudya.ai.providers[" + i + "].";
            String name = PROVIDERS[i][0];
            String baseUrl = DOWN.baseUrl() + PROVIDERS[i][1];
            registry.add(prefix + "name", () -> name);
            registry.add(prefix + "type", () -> name);
            registry.add(prefix + "base-url", () -> baseUrl);
            registry.add(prefix + "api-key", () -> "test-key");
            registry.add(prefix + "model", () -> "test-model");
            registry.add(prefix + "timeout", () -> "5s");
            registry.add(prefix + "enabled", () -> "true");
        }
        registry.add("cloudya.ai.retry.initial-backoff", () -> "10ms");
        registry.add("cloudya.ai-worker.offline-kb.enabled", () -> "false");
    }

    @AfterAll
    static void stopProviders() {
        DOWN.stop();
    }

    @Test
    void shouldFailTheJobWithNoProviderAfterAskingEveryProvider() throws Exception {
        var request = AiJobRequestedMother.listPods("it-down-" + UUID.randomUUID());
        UUID commandId = request.payload().commandId();

        try (var probe = new KafkaProbe(broker, Topics.COMMAND_EVENTS)) {
            AiJobRequestedMother.publish(kafka, Topics.AI_JOB_REQUESTS, request);
            var record = probe.await(Topics.COMMAND_EVENTS,
                    e -> e.payload() instanceof AiJobFailed f && f.commandId().equals(commandId),
                    Duration.ofSeconds(30));

            var failed = (AiJobFailed) KafkaProbe.envelope(record).payload();
            assertThat(failed.code()).isEqualTo("no_provider");
            assertThat(KafkaProbe.envelope(record).traceId()).isEqualTo(request.traceId());
            assertThat(KafkaProbe.header(record, "eventType")).isEqualTo("AiJobFailed");
        }
        assertThat(jobs.countForCommand(commandId)).isZero();
        for (String[] provider : PROVIDERS) {
            // each provider was really asked (and retried): the failure is theirs, not an empty chain
            DOWN.verify(3, postRequestedFor(urlPathEqualTo(provider[2])));
        }
        assertProviderMetrics();
    }

    /** The application's registry (what /actuator/prometheus shows): one failed call each, retries included. */
    private void assertProviderMetrics() {
        for (String[] provider : PROVIDERS) {
            assertThat(meters.get(ProviderMetrics.CALLS).tag("provider", provider[0]).tag("outcome", "error")
                    .timer().count()).isEqualTo(1);
        }
        assertThat(meters.get(ProviderMetrics.FAILOVERS).tag("from", "openai").tag("to", "anthropic").counter()
                .count()).isEqualTo(1);
        assertThat(meters.get(ProviderMetrics.FAILOVERS).tag("from", "anthropic").tag("to", "ollama").counter()
                .count()).isEqualTo(1);
    }
}

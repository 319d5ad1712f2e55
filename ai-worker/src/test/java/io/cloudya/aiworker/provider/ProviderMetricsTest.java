package io.cloudya.aiworker.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.cloudya.aiworker.provider.ProviderWire.ANSWER;
import static io.cloudya.aiworker.provider.ProviderWire.ANTHROPIC_PATH;
import static io.cloudya.aiworker.provider.ProviderWire.OLLAMA_PATH;
import static io.cloudya.aiworker.provider.ProviderWire.OPENAI_PATH;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.cloudya.contracts.command.ExecutionMode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each provider call is timed under its provider and outcome, over the real wire formats served by WireMock. */
class ProviderMetricsTest {

    private static final String SSE = "text/event-stream";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @RegisterExtension
    static final WireMockExtension wire = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).build();

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void countsSuccessAndTimeToFirstChunkOfAProviderThatStreamsAnAnswer() {
        stub(OPENAI_PATH, SSE, ProviderWire.openAiSse(ANSWER));

        ask(ProviderChain.engine(meters, false, ProviderChain.openAi(wire.baseUrl(), TIMEOUT)));

        assertThat(calls("openai", "success")).isEqualTo(1);
        var firstChunk = meters.get(ProviderMetrics.FIRST_CHUNK).tag("provider", "openai").timer();
        assertThat(firstChunk.count()).isEqualTo(1);
        assertThat(firstChunk.totalTime(TimeUnit.NANOSECONDS)).isPositive()
                .isLessThanOrEqualTo(meters.get(ProviderMetrics.CALLS).timer()
                        .totalTime(TimeUnit.NANOSECONDS));
    }

    @Test
    void countsFailureOfProviderThatReturns500OnceForAllItsRetries() {
        wire.stubFor(post(urlPathEqualTo(OPENAI_PATH)).willReturn(aResponse().withStatus(500).withBody("{}")));
        stub(ANTHROPIC_PATH, SSE, ProviderWire.anthropicSse(ANSWER));

        ask(ProviderChain.engine(meters, false, ProviderChain.openAi(wire.baseUrl(), TIMEOUT),
                ProviderChain.anthropic(wire.baseUrl(), TIMEOUT)));

        assertThat(calls("openai", "error")).isEqualTo(1);
        assertThat(calls("anthropic", "success")).isEqualTo(1);
        assertThat(failovers("openai", "anthropic")).isEqualTo(1);
        assertThat(meters.find(ProviderMetrics.FIRST_CHUNK).tag("provider", "openai").timer()).isNull();
    }

    @Test
    void countsRateLimitedWhenAProviderStillAnswers429AfterItsRetries() {
        wire.stubFor(post(urlPathEqualTo(OPENAI_PATH)).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "0")
                .withBody("{\"error\":{\"message\":\"slow down\",\"type\":\"rate_limit\"}}")));

        ask(ProviderChain.engine(meters, true, ProviderChain.openAi(wire.baseUrl(), TIMEOUT)));

        assertThat(calls("openai", "rate_limited")).isEqualTo(1);
        assertThat(calls("openai", "error")).isZero();
    }

    @Test
    void countsTimeoutOfProviderThatDoesNotAnswerInTime() {
        wire.stubFor(post(urlPathEqualTo(OPENAI_PATH))
                .willReturn(ProviderWire.streaming(SSE, ProviderWire.openAiSse(ANSWER)).withFixedDelay(3_000)));

        ask(ProviderChain.engine(meters, true, ProviderChain.openAi(wire.baseUrl(), Duration.ofMillis(500))));

        assertThat(calls("openai", "timeout")).isEqualTo(1);
        assertThat(failovers("openai", "offline-kb")).isEqualTo(1);
    }

    @Test
    void countsInterruptedWhenAStreamBreaksAfterPartOfTheAnswer() {
        stub(OPENAI_PATH, SSE, ProviderWire.openAiBrokenSse("Half an answer "));
        stub(ANTHROPIC_PATH, SSE, ProviderWire.anthropicSse(ANSWER));

        ask(ProviderChain.engine(meters, false, ProviderChain.openAi(wire.baseUrl(), TIMEOUT),
                ProviderChain.anthropic(wire.baseUrl(), TIMEOUT)));

        assertThat(calls("openai", "interrupted")).isEqualTo(1);
        // the broken stream did reach the client: its first chunk counts
        assertThat(meters.get(ProviderMetrics.FIRST_CHUNK).tag("provider", "openai").timer().count()).isEqualTo(1);
    }

    @Test
    void countsTheOfflineAnswerUnderItsOwnProviderNameWhenEveryModelIsDown() {
        wire.stubFor(post(urlPathEqualTo(OPENAI_PATH)).willReturn(aResponse().withStatus(503)));
        wire.stubFor(post(urlPathEqualTo(OLLAMA_PATH)).willReturn(aResponse().withStatus(500)));

        ask(ProviderChain.engine(meters, true, ProviderChain.openAi(wire.baseUrl(), TIMEOUT),
                ProviderChain.ollama(wire.baseUrl(), TIMEOUT)));

        assertThat(calls("openai", "error")).isEqualTo(1);
        assertThat(calls("ollama", "error")).isEqualTo(1);
        assertThat(calls("offline-kb", "success")).isEqualTo(1);
        assertThat(failovers("openai", "ollama")).isEqualTo(1);
        assertThat(failovers("ollama", "offline-kb")).isEqualTo(1);
    }

    @Test
    void exposesTheMetricsUnderThePrometheusNamesTheDocsGive() {
        wire.stubFor(post(urlPathEqualTo(OPENAI_PATH)).willReturn(aResponse().withStatus(500)));
        var prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

        ask(ProviderChain.engine(prometheus, true, ProviderChain.openAi(wire.baseUrl(), TIMEOUT)));

        assertThat(prometheus.scrape())
                .contains("ai_provider_calls_seconds_count{outcome=\"error\",provider=\"openai\"} 1")
                .contains("ai_provider_calls_seconds_count{outcome=\"success\",provider=\"offline-kb\"} 1")
                .contains("ai_provider_calls_seconds_bucket{outcome=\"success\",provider=\"offline-kb\",le=")
                .contains("ai_provider_first_chunk_seconds_count{provider=\"offline-kb\"} 1")
                .contains("ai_provider_failovers_total{from=\"openai\",to=\"offline-kb\"} 1");
    }

    private long calls(String provider, String outcome) {
        var timer = meters.find(ProviderMetrics.CALLS).tag("provider", provider).tag("outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }

    private double failovers(String from, String to) {
        return meters.get(ProviderMetrics.FAILOVERS).tag("from", from).tag("to", to).counter().count();
    }

    private static void ask(AnswerEngine engine) {
        engine.answer(new AnswerRequest("list pods in namespace web", ExecutionMode.SUGGEST,
                Instant.now().plusSeconds(30)), text -> { });
    }

    private static void stub(String path, String contentType, String body) {
        wire.stubFor(post(urlPathEqualTo(path)).willReturn(ProviderWire.streaming(contentType, body)));
    }
}

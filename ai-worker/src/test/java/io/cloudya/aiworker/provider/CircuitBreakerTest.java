package io.cloudya.aiworker.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.cloudya.aiworker.provider.ProviderWire.OPENAI_PATH;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.cloudya.contracts.command.ExecutionMode;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A provider that keeps failing is skipped while its breaker is open: no HTTP call, the next provider answers. */
class CircuitBreakerTest {

    private static final int MINIMUM_CALLS = 3;

    private final WireMockServer wire = new WireMockServer(wireMockConfig().dynamicPort());
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private ProviderResilience resilience;
    private AnswerEngine engine;

    @BeforeEach
    void start() {
        wire.start();
        wire.stubFor(post(urlPathEqualTo(OPENAI_PATH)).willReturn(aResponse().withStatus(500).withBody("{}")));
        var settings = ProviderChain.openAi(wire.baseUrl(), Duration.ofSeconds(5));
        // one attempt per answer, so each answer is exactly one call through the breaker
        var properties = new ProviderProperties(List.of(settings),
                new ProviderProperties.Retry(1, Duration.ofMillis(10), 2.0),
                new ProviderProperties.CircuitBreaker(50, MINIMUM_CALLS, MINIMUM_CALLS, Duration.ofMinutes(5)));
        resilience = ProviderResilience.of(settings.name(), properties);
        engine = new AnswerEngine(List.of(ProviderChain.provider(settings, resilience), ProviderChain.offline()),
                meters);
    }

    @AfterEach
    void stop() {
        wire.stop();
    }

    @Test
    void shouldStayClosedUntilTheMinimumNumberOfCallsHasFailed() {
        for (int i = 1; i < MINIMUM_CALLS; i++) {
            assertThat(ask().provider()).isEqualTo("offline-kb");
        }

        assertThat(resilience.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        wire.verify(MINIMUM_CALLS - 1, postRequestedFor(urlPathEqualTo(OPENAI_PATH)));
    }

    @Test
    void shouldOpenAfterRepeatedFailuresAndThenSkipTheProviderWithoutAnHttpCall() {
        for (int i = 0; i < MINIMUM_CALLS; i++) {
            ask();
        }
        assertThat(resilience.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);

        ProviderAnswer answer = ask();

        assertThat(answer.provider()).isEqualTo("offline-kb");
        assertThat(resilience.circuitBreaker().getMetrics().getNumberOfNotPermittedCalls()).isEqualTo(1);
        wire.verify(MINIMUM_CALLS, postRequestedFor(urlPathEqualTo(OPENAI_PATH)));
    }

    @Test
    void countsCallsSkippedByTheOpenBreakerApartFromTheFailuresThatOpenedIt() {
        for (int i = 0; i < MINIMUM_CALLS + 2; i++) {
            ask();
        }

        assertThat(calls("openai", "error")).isEqualTo(MINIMUM_CALLS);
        assertThat(calls("openai", "circuit_open")).isEqualTo(2);
        assertThat(meters.get(ProviderMetrics.FAILOVERS).tag("from", "openai").tag("to", "offline-kb").counter()
                .count()).isEqualTo(MINIMUM_CALLS + 2);
    }

    private long calls(String provider, String outcome) {
        var timer = meters.find(ProviderMetrics.CALLS).tag("provider", provider).tag("outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }

    private ProviderAnswer ask() {
        return engine.answer(new AnswerRequest("list pods in namespace web", ExecutionMode.SUGGEST,
                Instant.now().plusSeconds(30)));
    }
}

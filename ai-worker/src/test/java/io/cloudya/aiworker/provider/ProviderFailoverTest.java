package io.cloudya.aiworker.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.cloudya.aiworker.provider.ProviderWire.ANSWER;
import static io.cloudya.aiworker.provider.ProviderWire.ANTHROPIC_PATH;
import static io.cloudya.aiworker.provider.ProviderWire.OLLAMA_PATH;
import static io.cloudya.aiworker.provider.ProviderWire.OPENAI_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.cloudya.contracts.command.ExecutionMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Providers that rate-limit, fail, hang or break mid-stream: the chain retries or fails over as configured. */
class ProviderFailoverTest {

    private static final String SSE = "text/event-stream";
    private static final String NDJSON = "application/x-ndjson";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @RegisterExtension
    static final WireMockExtension wire = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).build();

    private final List<String> chunks = new CopyOnWriteArrayList<>();

    @Test
    void shouldRetryTheSameProviderAfterARateLimit() {
        wire.stubFor(post(urlPathEqualTo(OPENAI_PATH)).inScenario("rate").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")
                        .withBody("{\"error\":{\"message\":\"slow down\",\"type\":\"rate_limit\"}}"))
                .willSetStateTo("allowed"));
        wire.stubFor(post(urlPathEqualTo(OPENAI_PATH)).inScenario("rate").whenScenarioStateIs("allowed")
                .willReturn(ProviderWire.streaming(SSE, ProviderWire.openAiSse(ANSWER))));

        ProviderAnswer answer = ask(ProviderChain.engine(false, ProviderChain.openAi(wire.baseUrl(), TIMEOUT),
                ProviderChain.anthropic(wire.baseUrl(), TIMEOUT)));

        assertThat(answer.provider()).isEqualTo("openai");
        wire.verify(2, postRequestedFor(urlPathEqualTo(OPENAI_PATH)));
        wire.verify(0, postRequestedFor(urlPathEqualTo(ANTHROPIC_PATH)));
    }

    @Test
    void shouldFailOverToTheNextProviderWhenOneKeepsAnswering500() {
        wire.stubFor(post(urlPathEqualTo(OPENAI_PATH)).willReturn(aResponse().withStatus(500).withBody("{}")));
        stub(ANTHROPIC_PATH, SSE, ProviderWire.anthropicSse(ANSWER));

        ProviderAnswer answer = ask(ProviderChain.engine(false, ProviderChain.openAi(wire.baseUrl(), TIMEOUT),
                ProviderChain.anthropic(wire.baseUrl(), TIMEOUT)));

        assertThat(answer.provider()).isEqualTo("anthropic");
        wire.verify(3, postRequestedFor(urlPathEqualTo(OPENAI_PATH)));
    }

    @Test
    void shouldFailOverWhenAProviderTimesOut() {
        wire.stubFor(post(urlPathEqualTo(OPENAI_PATH))
                .willReturn(ProviderWire.streaming(SSE, ProviderWire.openAiSse(ANSWER)).withFixedDelay(3_000)));
        stub(OLLAMA_PATH, NDJSON, ProviderWire.ollamaNdjson(ANSWER));

        ProviderAnswer answer = ask(ProviderChain.engine(false,
                ProviderChain.openAi(wire.baseUrl(), Duration.ofMillis(500)), ProviderChain.ollama(wire.baseUrl(), TIMEOUT)));

        assertThat(answer.provider()).isEqualTo("ollama");
        wire.verify(1, postRequestedFor(urlPathEqualTo(OPENAI_PATH)));
    }

    @Test
    void shouldFailOverAndSayItWhenAStreamBreaksMidAnswer() {
        stub(OPENAI_PATH, SSE, ProviderWire.openAiBrokenSse("Half an answer "));
        stub(ANTHROPIC_PATH, SSE, ProviderWire.anthropicSse(ANSWER));

        ProviderAnswer answer = ask(ProviderChain.engine(false, ProviderChain.openAi(wire.baseUrl(), TIMEOUT),
                ProviderChain.anthropic(wire.baseUrl(), TIMEOUT)));

        assertThat(answer.provider()).isEqualTo("anthropic");
        assertThat(answer.response()).isEqualTo("Lists the pods in namespace web.");
        assertThat(chunks.getFirst()).isEqualTo("Half an answer ");
        assertThat(chunks.get(1)).contains("openai was interrupted");
        assertThat(String.join("", chunks.subList(2, chunks.size()))).isEqualTo(String.join("", ANSWER));
        wire.verify(1, postRequestedFor(urlPathEqualTo(OPENAI_PATH)));
    }

    @Test
    void shouldAnswerFromTheOfflineKnowledgeBaseWhenEveryProviderIsDown() {
        wire.stubFor(post(urlPathEqualTo(OPENAI_PATH)).willReturn(aResponse().withStatus(503)));
        wire.stubFor(post(urlPathEqualTo(ANTHROPIC_PATH)).willReturn(aResponse().withStatus(529)));
        wire.stubFor(post(urlPathEqualTo(OLLAMA_PATH)).willReturn(aResponse().withStatus(500)));

        ProviderAnswer answer = ask(ProviderChain.engine(true, ProviderChain.openAi(wire.baseUrl(), TIMEOUT),
                ProviderChain.anthropic(wire.baseUrl(), TIMEOUT), ProviderChain.ollama(wire.baseUrl(), TIMEOUT)));

        assertThat(answer.provider()).isEqualTo("offline-kb");
        assertThat(answer.commands()).extracting(c -> c.command()).containsExactly("kubectl get pods -n web");
    }

    @Test
    void shouldReportNoProviderWhenEveryProviderIsDownAndOfflineAnswersAreOff() {
        wire.stubFor(post(urlPathEqualTo(OPENAI_PATH)).willReturn(aResponse().withStatus(503)));
        wire.stubFor(post(urlPathEqualTo(OLLAMA_PATH)).willReturn(aResponse().withStatus(500)));
        var engine = ProviderChain.engine(false, ProviderChain.openAi(wire.baseUrl(), TIMEOUT),
                ProviderChain.ollama(wire.baseUrl(), TIMEOUT));

        assertThatThrownBy(() -> ask(engine)).isInstanceOf(NoProviderAnsweredException.class);
    }

    private ProviderAnswer ask(AnswerEngine engine) {
        return engine.answer(new AnswerRequest("list pods in namespace web", ExecutionMode.SUGGEST,
                Instant.now().plusSeconds(30)), chunks::add);
    }

    private void stub(String path, String contentType, String body) {
        wire.stubFor(post(urlPathEqualTo(path)).willReturn(ProviderWire.streaming(contentType, body)));
    }
}

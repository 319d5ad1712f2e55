package io.cloudya.aiworker.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.cloudya.aiworker.provider.ProviderWire.ANTHROPIC_PATH;
import static io.cloudya.aiworker.provider.ProviderWire.OLLAMA_PATH;
import static io.cloudya.aiworker.provider.ProviderWire.OPENAI_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.cloudya.contracts.command.ExecutionMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each provider's real streaming wire protocol served by WireMock; the chain fails over as configured. */
class ProviderFailoverTest {

    static final String[] ANSWER = {"Lists the pods ", "in namespace web.\n\n```commands\n",
            "kubectl get pods -n web # List the pods\n```\n"};
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final WireMockServer wire = new WireMockServer(wireMockConfig().dynamicPort());
    private final List<String> chunks = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        wire.start();
    }

    @AfterEach
    void stop() {
        wire.stop();
    }

    @Test
    void shouldStreamAnOpenAiAnswerChunkByChunk() {
        stub(OPENAI_PATH, "text/event-stream", ProviderWire.openAiSse(ANSWER));

        ProviderAnswer answer = ask(ProviderChain.engine(false, ProviderChain.openAi(wire.baseUrl(), TIMEOUT)));

        assertThat(answer.provider()).isEqualTo("openai");
        assertThat(answer.model()).isEqualTo("gpt-4o-mini");
        assertThat(answer.response()).isEqualTo("Lists the pods in namespace web.");
        assertThat(answer.commands()).singleElement().satisfies(c -> {
            assertThat(c.command()).isEqualTo("kubectl get pods -n web");
            assertThat(c.description()).isEqualTo("List the pods");
        });
        assertThat(chunks).containsExactly(ANSWER);
    }

    @Test
    void shouldStreamAnAnthropicAnswerFromItsSseEvents() {
        stub(ANTHROPIC_PATH, "text/event-stream", ProviderWire.anthropicSse(ANSWER));

        ProviderAnswer answer = ask(ProviderChain.engine(false, ProviderChain.anthropic(wire.baseUrl(), TIMEOUT)));

        assertThat(answer.provider()).isEqualTo("anthropic");
        assertThat(answer.commands()).extracting(c -> c.command()).containsExactly("kubectl get pods -n web");
        assertThat(String.join("", chunks)).isEqualTo(String.join("", ANSWER));
    }

    @Test
    void shouldStreamAnOllamaAnswerFromNdjson() {
        stub(OLLAMA_PATH, "application/x-ndjson", ProviderWire.ollamaNdjson(ANSWER));

        ProviderAnswer answer = ask(ProviderChain.engine(false, ProviderChain.ollama(wire.baseUrl(), TIMEOUT)));

        assertThat(answer.provider()).isEqualTo("ollama");
        assertThat(answer.model()).isEqualTo("llama3.2");
        assertThat(answer.commands()).extracting(c -> c.command()).containsExactly("kubectl get pods -n web");
        assertThat(chunks).containsExactly(ANSWER);
    }

    @Test
    void shouldRetryTheSameProviderAfterARateLimit() {
        wire.stubFor(post(urlPathEqualTo(OPENAI_PATH)).inScenario("rate").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")
                        .withBody("{\"error\":{\"message\":\"slow down\",\"type\":\"rate_limit\"}}"))
                .willSetStateTo("allowed"));
        wire.stubFor(post(urlPathEqualTo(OPENAI_PATH)).inScenario("rate").whenScenarioStateIs("allowed")
                .willReturn(sse(ProviderWire.openAiSse(ANSWER))));

        ProviderAnswer answer = ask(ProviderChain.engine(false, ProviderChain.openAi(wire.baseUrl(), TIMEOUT),
                ProviderChain.anthropic(wire.baseUrl(), TIMEOUT)));

        assertThat(answer.provider()).isEqualTo("openai");
        wire.verify(2, postRequestedFor(urlPathEqualTo(OPENAI_PATH)));
        wire.verify(0, postRequestedFor(urlPathEqualTo(ANTHROPIC_PATH)));
    }

    @Test
    void shouldFailOverToTheNextProviderWhenOneKeepsAnswering500() {
        wire.stubFor(post(urlPathEqualTo(OPENAI_PATH)).willReturn(aResponse().withStatus(500).withBody("{}")));
        stub(ANTHROPIC_PATH, "text/event-stream", ProviderWire.anthropicSse(ANSWER));

        ProviderAnswer answer = ask(ProviderChain.engine(false, ProviderChain.openAi(wire.baseUrl(), TIMEOUT),
                ProviderChain.anthropic(wire.baseUrl(), TIMEOUT)));

        assertThat(answer.provider()).isEqualTo("anthropic");
        wire.verify(3, postRequestedFor(urlPathEqualTo(OPENAI_PATH)));
    }

    @Test
    void shouldFailOverWhenAProviderTimesOut() {
        wire.stubFor(post(urlPathEqualTo(OPENAI_PATH))
                .willReturn(sse(ProviderWire.openAiSse(ANSWER)).withFixedDelay(3_000)));
        stub(OLLAMA_PATH, "application/x-ndjson", ProviderWire.ollamaNdjson(ANSWER));

        ProviderAnswer answer = ask(ProviderChain.engine(false,
                ProviderChain.openAi(wire.baseUrl(), Duration.ofMillis(500)), ProviderChain.ollama(wire.baseUrl(), TIMEOUT)));

        assertThat(answer.provider()).isEqualTo("ollama");
        wire.verify(1, postRequestedFor(urlPathEqualTo(OPENAI_PATH)));
    }

    @Test
    void shouldFailOverAndSayItWhenAStreamBreaksMidAnswer() {
        stub(OPENAI_PATH, "text/event-stream", ProviderWire.openAiBrokenSse("Half an answer "));
        stub(ANTHROPIC_PATH, "text/event-stream", ProviderWire.anthropicSse(ANSWER));

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
        wire.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", contentType).withBody(body)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder sse(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(body);
    }
}

package io.cloudya.aiworker.provider;

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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each provider's real streaming wire protocol served by WireMock: the answer is parsed and passed on as it comes. */
class ProviderStreamingTest {

    private static final String SSE = "text/event-stream";
    private static final String NDJSON = "application/x-ndjson";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @RegisterExtension
    static final WireMockExtension wire = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).build();

    private final List<String> chunks = new CopyOnWriteArrayList<>();

    @Test
    void shouldStreamAnOpenAiAnswerChunkByChunk() {
        stub(OPENAI_PATH, SSE, ProviderWire.openAiSse(ANSWER));

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
        stub(ANTHROPIC_PATH, SSE, ProviderWire.anthropicSse(ANSWER));

        ProviderAnswer answer = ask(ProviderChain.engine(false, ProviderChain.anthropic(wire.baseUrl(), TIMEOUT)));

        assertThat(answer.provider()).isEqualTo("anthropic");
        assertThat(answer.commands()).extracting(c -> c.command()).containsExactly("kubectl get pods -n web");
        assertThat(String.join("", chunks)).isEqualTo(String.join("", ANSWER));
    }

    @Test
    void shouldStreamAnOllamaAnswerFromNdjson() {
        stub(OLLAMA_PATH, NDJSON, ProviderWire.ollamaNdjson(ANSWER));

        ProviderAnswer answer = ask(ProviderChain.engine(false, ProviderChain.ollama(wire.baseUrl(), TIMEOUT)));

        assertThat(answer.provider()).isEqualTo("ollama");
        assertThat(answer.model()).isEqualTo("llama3.2");
        assertThat(answer.commands()).extracting(c -> c.command()).containsExactly("kubectl get pods -n web");
        assertThat(chunks).containsExactly(ANSWER);
    }

    private ProviderAnswer ask(AnswerEngine engine) {
        return engine.answer(new AnswerRequest("list pods in namespace web", ExecutionMode.SUGGEST,
                Instant.now().plusSeconds(30)), chunks::add);
    }

    private void stub(String path, String contentType, String body) {
        wire.stubFor(post(urlPathEqualTo(path)).willReturn(ProviderWire.streaming(contentType, body)));
    }
}

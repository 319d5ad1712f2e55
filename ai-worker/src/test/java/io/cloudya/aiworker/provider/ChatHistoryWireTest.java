package io.cloudya.aiworker.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.cloudya.aiworker.provider.ProviderWire.ANTHROPIC_PATH;
import static io.cloudya.aiworker.provider.ProviderWire.OPENAI_PATH;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.cloudya.contracts.command.ChatTurn;
import io.cloudya.contracts.command.ExecutionMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A chat job's earlier turns reach the model as its own user/assistant messages, before the current request. */
class ChatHistoryWireTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final List<ChatTurn> HISTORY = List.of(
            new ChatTurn(ChatTurn.USER, "list pods in namespace web"),
            new ChatTurn(ChatTurn.ASSISTANT, "Run kubectl get pods -n web."));
    private static final AnswerRequest FOLLOW_UP = new AnswerRequest("now show the logs of the first one",
            ExecutionMode.SUGGEST, Instant.now().plusSeconds(30), HISTORY);

    private final WireMockServer wire = new WireMockServer(wireMockConfig().dynamicPort());

    @BeforeEach
    void start() {
        wire.start();
    }

    @AfterEach
    void stop() {
        wire.stop();
    }

    @Test
    void shouldSendEarlierTurnsToOpenAiBetweenTheSystemPromptAndTheRequest() {
        stub(OPENAI_PATH, ProviderWire.openAiSse(ProviderWire.ANSWER));

        ProviderChain.engine(false, ProviderChain.openAi(wire.baseUrl(), TIMEOUT)).answer(FOLLOW_UP);

        var request = postRequestedFor(urlPathEqualTo(OPENAI_PATH))
                .withRequestBody(matchingJsonPath("$.messages.length()", equalTo("4")));
        message(request, 0, "system", "You are Cloudya");
        message(request, 1, "user", "list pods in namespace web");
        message(request, 2, "assistant", "Run kubectl get pods -n web.");
        message(request, 3, "user", "now show the logs of the first one");
        wire.verify(1, request);
    }

    @Test
    void shouldSendEarlierTurnsToAnthropicAsAlternatingMessages() {
        stub(ANTHROPIC_PATH, ProviderWire.anthropicSse(ProviderWire.ANSWER));

        ProviderChain.engine(false, ProviderChain.anthropic(wire.baseUrl(), TIMEOUT)).answer(FOLLOW_UP);

        // Anthropic takes the system prompt apart from the messages, which must alternate user/assistant
        var request = postRequestedFor(urlPathEqualTo(ANTHROPIC_PATH))
                .withRequestBody(matchingJsonPath("$.system", containing("You are Cloudya")))
                .withRequestBody(matchingJsonPath("$.messages.length()", equalTo("3")));
        message(request, 0, "user", "list pods in namespace web");
        message(request, 1, "assistant", "Run kubectl get pods -n web.");
        message(request, 2, "user", "now show the logs of the first one");
        wire.verify(1, request);
    }

    /** The message at {@code index} has this role and contains this text (Anthropic wraps it in content blocks). */
    private static RequestPatternBuilder message(RequestPatternBuilder request, int index, String role,
                                                 String content) {
        return request.withRequestBody(matchingJsonPath("$.messages[" + index + "].role", equalTo(role)))
                .withRequestBody(matchingJsonPath("$.messages[" + index + "]", containing(content)));
    }

    private void stub(String path, String body) {
        wire.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(body)));
    }
}

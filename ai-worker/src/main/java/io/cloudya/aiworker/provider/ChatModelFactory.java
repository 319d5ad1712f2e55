package io.cloudya.aiworker.provider;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.ai.anthropic.AnthropicChatModel;
import org.springframework.ai.anthropic.AnthropicChatOptions;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.ollama.OllamaChatModel;
import org.springframework.ai.ollama.api.OllamaApi;
import org.springframework.ai.ollama.api.OllamaChatOptions;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;

/**
 * Builds a Spring AI {@link ChatModel} for one configured provider. The SDKs' own retries are switched off
 * ({@code maxRetries(0)}): retrying is Resilience4j's job, so that backoff, the circuit breaker and the job's
 * deadline are applied in one place. With the application's {@link ObservationRegistry} each model call is also
 * observed the standard way: {@code gen_ai.client.operation} (timer and span, tagged with the provider and model).
 */
public final class ChatModelFactory {

    private ChatModelFactory() {
    }

    public static ChatModel create(ProviderSettings settings) {
        return create(settings, ObservationRegistry.NOOP);
    }

    public static ChatModel create(ProviderSettings settings, ObservationRegistry observations) {
        return switch (settings.type()) {
            case OPENAI -> openAi(settings, observations);
            case ANTHROPIC -> anthropic(settings, observations);
            case OLLAMA -> ollama(settings, observations);
        };
    }

    private static ChatModel openAi(ProviderSettings s, ObservationRegistry observations) {
        OpenAiChatOptions options = OpenAiChatOptions.builder()
                .baseUrl(s.baseUrl()).apiKey(s.apiKey()).model(s.model())
                .maxTokens(s.maxTokens()).timeout(s.timeout()).maxRetries(0)
                .build();
        return OpenAiChatModel.builder().options(options).observationRegistry(observations).build();
    }

    private static ChatModel anthropic(ProviderSettings s, ObservationRegistry observations) {
        AnthropicChatOptions options = AnthropicChatOptions.builder()
                .baseUrl(s.baseUrl()).apiKey(s.apiKey()).model(s.model())
                .maxTokens(s.maxTokens()).timeout(s.timeout()).maxRetries(0)
                .build();
        return AnthropicChatModel.builder().options(options).observationRegistry(observations).build();
    }

    private static ChatModel ollama(ProviderSettings s, ObservationRegistry observations) {
        OllamaApi api = OllamaApi.builder().baseUrl(s.baseUrl()).build();
        OllamaChatOptions options = OllamaChatOptions.builder().model(s.model()).numPredict(s.maxTokens()).build();
        return OllamaChatModel.builder().ollamaApi(api).options(options).observationRegistry(observations)
                .retryTemplate(new RetryTemplate(RetryPolicy.withMaxRetries(0))).build();
    }
}

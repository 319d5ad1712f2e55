package io.cloudya.aiworker.provider;

import io.cloudya.aiworker.knowledge.KnowledgeBase;
import io.cloudya.aiworker.knowledge.KnowledgeLoader;
import io.cloudya.aiworker.knowledge.KnowledgeRetriever;
import io.cloudya.aiworker.knowledge.OfflineKnowledgeProvider;
import io.cloudya.aiworker.prompt.PromptLibrary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Builds the failover chain the way ProviderConfig does, for providers pointing at a local WireMock. */
final class ProviderChain {

    static final KnowledgeBase KNOWLEDGE = KnowledgeLoader.load(KnowledgeLoader.SHIPPED);
    static final KnowledgeRetriever RETRIEVER = new KnowledgeRetriever(KNOWLEDGE.entries());
    private static final PromptLibrary PROMPTS = new PromptLibrary(RETRIEVER, 3);

    private ProviderChain() {
    }

    static ProviderSettings openAi(String baseUrl, Duration timeout) {
        return new ProviderSettings("openai", ProviderType.OPENAI, baseUrl + "/v1", "test-key", "gpt-4o-mini",
                timeout, true, 256);
    }

    static ProviderSettings anthropic(String baseUrl, Duration timeout) {
        return new ProviderSettings("anthropic", ProviderType.ANTHROPIC, baseUrl, "test-key", "claude-test",
                timeout, true, 256);
    }

    static ProviderSettings ollama(String baseUrl, Duration timeout) {
        return new ProviderSettings("ollama", ProviderType.OLLAMA, baseUrl, "", "llama3.2", timeout, true, 256);
    }

    static AnswerEngine engine(boolean offlineLastResort, ProviderSettings... providers) {
        return engine(new SimpleMeterRegistry(), offlineLastResort, providers);
    }

    /** The chain metering into {@code meters}, as ProviderConfig's meters into the application's registry. */
    static AnswerEngine engine(MeterRegistry meters, boolean offlineLastResort, ProviderSettings... providers) {
        var properties = new ProviderProperties(List.of(providers),
                new ProviderProperties.Retry(3, Duration.ofMillis(20), 2.0),
                new ProviderProperties.CircuitBreaker(50, 10, 5, Duration.ofSeconds(30)));
        List<AnswerProvider> chain = new ArrayList<>();
        for (ProviderSettings settings : properties.enabledProviders()) {
            chain.add(provider(settings, ProviderResilience.of(settings.name(), properties)));
        }
        if (offlineLastResort) {
            chain.add(offline());
        }
        return new AnswerEngine(chain, meters);
    }

    /** One model provider with the given retry and circuit breaker, prompted like ProviderConfig's. */
    static ChatModelProvider provider(ProviderSettings settings, ProviderResilience resilience) {
        return new ChatModelProvider(settings, ChatModelFactory.create(settings), PROMPTS, resilience,
                Clock.systemUTC());
    }

    static OfflineKnowledgeProvider offline() {
        return new OfflineKnowledgeProvider(KNOWLEDGE, RETRIEVER, 2);
    }
}

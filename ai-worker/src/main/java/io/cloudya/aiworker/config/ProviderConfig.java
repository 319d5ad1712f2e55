package io.cloudya.aiworker.config;

import io.cloudya.aiworker.knowledge.KnowledgeRetriever;
import io.cloudya.aiworker.knowledge.OfflineKnowledgeProvider;
import io.cloudya.aiworker.prompt.PromptLibrary;
import io.cloudya.aiworker.provider.AnswerEngine;
import io.cloudya.aiworker.provider.AnswerProvider;
import io.cloudya.aiworker.provider.ChatModelFactory;
import io.cloudya.aiworker.provider.ChatModelProvider;
import io.cloudya.aiworker.provider.ProviderProperties;
import io.cloudya.aiworker.provider.ProviderResilience;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The failover chain: every enabled provider of cloudya.ai.providers[] in order, then the offline answerer. */
@Configuration(proxyBeanMethods = false)
class ProviderConfig {

    @Bean
    AnswerEngine answerEngine(ProviderProperties providers, OfflineKbProperties offline, KnowledgeRetriever retriever,
                              OfflineKnowledgeProvider offlineAnswerer, Clock clock, MeterRegistry meters,
                              ObjectProvider<ObservationRegistry> observations) {
        ObservationRegistry observed = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
        var prompts = new PromptLibrary(retriever, offline.promptTopK());
        List<AnswerProvider> chain = new ArrayList<>();
        providers.enabledProviders().forEach(settings -> chain.add(new ChatModelProvider(settings,
                ChatModelFactory.create(settings, observed), prompts, ProviderResilience.of(settings.name(), providers),
                clock)));
        if (offline.enabled()) {
            chain.add(offlineAnswerer);
        }
        return new AnswerEngine(chain, clock, meters);
    }
}

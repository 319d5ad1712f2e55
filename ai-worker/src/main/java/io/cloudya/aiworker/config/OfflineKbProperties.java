package io.cloudya.aiworker.config;

import io.cloudya.aiworker.knowledge.KnowledgeLoader;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cloudya.ai-worker.offline-kb.*}: where the knowledge table lives (a Spring resource location: one file
 * or a pattern such as {@code classpath:knowledge/*.yml}), how many distinct (stemmed) terms a question must
 * share with an entry before the offline answerer may use it, whether the offline answerer is the last resort
 * after the model providers (off: no provider answering means {@code no_provider}), and how many entries go into
 * a model's prompt.
 */
@ConfigurationProperties("cloudya.ai-worker.offline-kb")
public record OfflineKbProperties(
        @DefaultValue(KnowledgeLoader.SHIPPED) String location,
        @DefaultValue("2") int minMatchedTerms,
        @DefaultValue("true") boolean enabled,
        @DefaultValue("5") int promptTopK) {
}

package io.cloudya.aiworker.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cloudya.ai-worker.offline-kb.*}: where the knowledge table lives (a Spring resource location) and how
 * many distinct terms a question must share with an entry before the entry may answer it.
 */
@ConfigurationProperties("cloudya.ai-worker.offline-kb")
public record OfflineKbProperties(
        @DefaultValue("classpath:knowledge/offline-kb.yml") String location,
        @DefaultValue("2") int minMatchedTerms) {
}

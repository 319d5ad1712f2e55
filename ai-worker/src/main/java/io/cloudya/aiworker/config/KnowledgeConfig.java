package io.cloudya.aiworker.config;

import io.cloudya.aiworker.knowledge.KnowledgeBase;
import io.cloudya.aiworker.knowledge.KnowledgeLoader;
import io.cloudya.aiworker.knowledge.KnowledgeRetriever;
import io.cloudya.aiworker.knowledge.OfflineKnowledgeProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternUtils;

/**
 * Loads the offline knowledge table once at start, from every file the location names (a broken or inconsistent
 * file stops the start rather than answering badly), indexes it once, and builds the offline answerer on that
 * one index.
 */
@Configuration(proxyBeanMethods = false)
class KnowledgeConfig {

    @Bean
    KnowledgeBase knowledgeBase(OfflineKbProperties properties, ResourceLoader resources) {
        return KnowledgeLoader.load(ResourcePatternUtils.getResourcePatternResolver(resources),
                properties.location());
    }

    @Bean
    KnowledgeRetriever knowledgeRetriever(KnowledgeBase knowledge) {
        return new KnowledgeRetriever(knowledge.entries());
    }

    @Bean
    OfflineKnowledgeProvider offlineKnowledgeProvider(KnowledgeBase knowledge, KnowledgeRetriever retriever,
                                                      OfflineKbProperties properties) {
        return new OfflineKnowledgeProvider(knowledge, retriever, properties.minMatchedTerms());
    }
}

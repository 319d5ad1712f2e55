package io.cloudya.aiworker.config;

import io.cloudya.aiworker.knowledge.KnowledgeBase;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/** Loads the offline knowledge table once at start; a broken file stops the start rather than answering badly. */
@Configuration(proxyBeanMethods = false)
class KnowledgeConfig {

    @Bean
    KnowledgeBase knowledgeBase(OfflineKbProperties properties, ResourceLoader resources) throws IOException {
        try (InputStream in = resources.getResource(properties.location()).getInputStream()) {
            return KnowledgeBase.load(in, properties.minMatchedTerms());
        }
    }
}

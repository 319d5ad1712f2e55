package io.cloudya.aiworker.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The shipped knowledge table, its index and the offline answerer, built the way KnowledgeConfig builds them. */
final class OfflineKnowledge {

    /** The shipped default of cloudya.ai-worker.offline-kb.min-matched-terms. */
    static final int MIN_SHARED_TERMS = 2;

    private OfflineKnowledge() {
    }

    static KnowledgeBase shipped() {
        try (InputStream in = OfflineKnowledge.class.getResourceAsStream("/knowledge/offline-kb.yml")) {
            return KnowledgeBase.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static KnowledgeRetriever retriever() {
        return new KnowledgeRetriever(shipped().entries());
    }

    static OfflineKnowledgeProvider answerer() {
        KnowledgeBase knowledge = shipped();
        return new OfflineKnowledgeProvider(knowledge, new KnowledgeRetriever(knowledge.entries()), MIN_SHARED_TERMS);
    }
}

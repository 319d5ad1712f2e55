package io.cloudya.aiworker.knowledge;

/** The shipped knowledge table, its index and the offline answerer, built the way KnowledgeConfig builds them. */
final class OfflineKnowledge {

    /** The shipped default of cloudya.ai-worker.offline-kb.min-matched-terms. */
    static final int MIN_SHARED_TERMS = 2;

    private OfflineKnowledge() {
    }

    static KnowledgeBase shipped() {
        return KnowledgeLoader.load(KnowledgeLoader.SHIPPED);
    }

    static KnowledgeRetriever retriever() {
        return new KnowledgeRetriever(shipped().entries());
    }

    static OfflineKnowledgeProvider answerer() {
        KnowledgeBase knowledge = shipped();
        return new OfflineKnowledgeProvider(knowledge, new KnowledgeRetriever(knowledge.entries()), MIN_SHARED_TERMS);
    }
}

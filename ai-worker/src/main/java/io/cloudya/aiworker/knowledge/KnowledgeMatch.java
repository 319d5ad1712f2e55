package io.cloudya.aiworker.knowledge;

/** A knowledge entry found for a question, with its BM25 score (higher is more relevant). */
public record KnowledgeMatch(KnowledgeEntry entry, double score) {
}

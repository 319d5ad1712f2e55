package io.cloudya.aiworker.knowledge;

import java.util.Set;

/** The entry that best answers a question, with the terms they share and its score. */
public record KnowledgeMatch(KnowledgeEntry entry, Set<String> matchedTerms, double score) {
}

package io.cloudya.aiworker.knowledge;

import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The offline DevOps knowledge table and its matcher. A question scores each entry by the terms they share,
 * each term weighted by how rare it is across entries (idf), so "destroy" outweighs "terraform".
 */
public final class KnowledgeBase {

    private final String model;
    private final List<KnowledgeEntry> entries;
    private final List<Set<String>> entryTerms;
    private final Map<String, Double> weights = new HashMap<>();
    private final int minMatchedTerms;

    KnowledgeBase(String model, List<KnowledgeEntry> entries, int minMatchedTerms) {
        this.model = model;
        this.entries = List.copyOf(entries);
        this.minMatchedTerms = minMatchedTerms;
        this.entryTerms = this.entries.stream().map(e -> Terms.of(String.join(" ", e.keywords()))).toList();
        Map<String, Integer> documentFrequency = new HashMap<>();
        entryTerms.forEach(terms -> terms.forEach(t -> documentFrequency.merge(t, 1, Integer::sum)));
        documentFrequency.forEach((term, df) -> weights.put(term, Math.log(1.0 + (double) this.entries.size() / df)));
    }

    public static KnowledgeBase load(InputStream yaml, int minMatchedTerms) {
        KnowledgeFile file = YAMLMapper.builder().build().readValue(yaml, KnowledgeFile.class);
        return new KnowledgeBase(file.model(), file.entries(), minMatchedTerms);
    }

    /** The best-scoring entry sharing at least the minimum number of terms; ties go to the earlier entry. */
    public Optional<KnowledgeMatch> bestMatch(String question) {
        Set<String> asked = Terms.of(question);
        KnowledgeMatch best = null;
        for (int i = 0; i < entries.size(); i++) {
            Set<String> shared = new LinkedHashSet<>(entryTerms.get(i));
            shared.retainAll(asked);
            if (shared.size() < minMatchedTerms) {
                continue;
            }
            double score = shared.stream().mapToDouble(weights::get).sum();
            if (best == null || score > best.score()) {
                best = new KnowledgeMatch(entries.get(i), shared, score);
            }
        }
        return Optional.ofNullable(best);
    }

    /** The topics covered, in file order: what the no-match answer lists. */
    public List<String> topics() {
        return entries.stream().map(KnowledgeEntry::topic).distinct().toList();
    }

    public String model() {
        return model;
    }

    public List<KnowledgeEntry> entries() {
        return entries;
    }

    public int size() {
        return entries.size();
    }
}

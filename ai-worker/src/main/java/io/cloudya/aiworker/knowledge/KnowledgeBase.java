package io.cloudya.aiworker.knowledge;

import java.io.InputStream;
import java.util.List;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The offline DevOps knowledge table as loaded from YAML: its version (reported as the model) and its entries.
 * Finding the entry for a question is {@link KnowledgeRetriever}'s job.
 */
public final class KnowledgeBase {

    private final String model;
    private final List<KnowledgeEntry> entries;

    KnowledgeBase(String model, List<KnowledgeEntry> entries) {
        this.model = model;
        this.entries = List.copyOf(entries);
    }

    public static KnowledgeBase load(InputStream yaml) {
        KnowledgeFile file = YAMLMapper.builder().build().readValue(yaml, KnowledgeFile.class);
        return new KnowledgeBase(file.model(), file.entries());
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

package io.cloudya.aiworker.knowledge;

import java.util.List;

/** The YAML file as written: the knowledge table's version (reported as the model) and its entries. */
record KnowledgeFile(String model, List<KnowledgeEntry> entries) {
}

package io.cloudya.aiworker.knowledge;

import io.cloudya.contracts.ai.Risk;
import java.util.List;
import java.util.Objects;

/** One row of the offline knowledge table: what it answers, the command to propose and how risky it is. */
public record KnowledgeEntry(
        String id, String topic, List<String> keywords, String intent, String command,
        List<TemplateParameter> parameters, String explanation, Risk risk, String reason) {

    public KnowledgeEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(command, "command of " + id);
        Objects.requireNonNull(risk, "risk of " + id);
        keywords = List.copyOf(keywords);
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
    }
}

package io.cloudya.aiworker.knowledge;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fills an entry's command template from the question: "list pods in namespace web" gives "-n web". */
final class CommandTemplate {

    private CommandTemplate() {
    }

    static String fill(KnowledgeEntry entry, String question) {
        String command = entry.command();
        for (TemplateParameter parameter : entry.parameters()) {
            command = command.replace("{" + parameter.name() + "}", render(parameter, question));
        }
        // an empty default leaves a double space behind; the command reads better without it
        return command.replaceAll("\\s{2,}", " ").trim();
    }

    private static String render(TemplateParameter parameter, String question) {
        Matcher matcher = Pattern.compile(parameter.pattern(), Pattern.CASE_INSENSITIVE).matcher(question);
        if (!matcher.find()) {
            return parameter.defaultValue();
        }
        for (int group = 1; group <= matcher.groupCount(); group++) {
            String value = matcher.group(group);
            if (value != null && !value.isBlank()) {
                return parameter.format().replace("{value}", value);
            }
        }
        return parameter.defaultValue();
    }
}

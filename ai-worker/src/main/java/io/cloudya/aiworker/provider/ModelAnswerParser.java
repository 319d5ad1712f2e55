package io.cloudya.aiworker.provider;

import io.cloudya.contracts.ai.ProposedCommand;
import io.cloudya.contracts.ai.Risk;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a model's answer: prose, then a fenced {@code ```commands} block with one command per line and an
 * optional {@code # description}. Models drift, so shell-tagged fences ({@code bash}, {@code sh}, …) count as
 * command blocks when no {@code commands} block is present, and {@code $ } prompts are stripped. Any risk the
 * model states is ignored here: the safety validator decides it from the command text.
 */
public final class ModelAnswerParser {

    private static final Pattern FENCE = Pattern.compile("```[ \\t]*([\\w-]*)[^\\n]*\\n(.*?)(?:```|\\z)",
            Pattern.DOTALL);
    private static final Set<String> SHELL_TAGS = Set.of("bash", "sh", "shell", "zsh", "console", "terminal");

    /** The prose (command blocks removed) and the commands, in order. */
    public record Parsed(String response, List<ProposedCommand> commands) {
    }

    private ModelAnswerParser() {
    }

    public static Parsed parse(String text) {
        String answer = text == null ? "" : text;
        boolean hasCommandsBlock = false;
        Matcher tags = FENCE.matcher(answer);
        while (tags.find()) {
            hasCommandsBlock |= tags.group(1).equalsIgnoreCase("commands");
        }
        List<ProposedCommand> commands = new ArrayList<>();
        StringBuilder prose = new StringBuilder();
        Matcher fence = FENCE.matcher(answer);
        int last = 0;
        while (fence.find()) {
            String tag = fence.group(1).toLowerCase(Locale.ROOT);
            boolean isCommands = hasCommandsBlock ? tag.equals("commands") : SHELL_TAGS.contains(tag);
            if (isCommands) {
                prose.append(answer, last, fence.start());
                fence.group(2).lines().map(ModelAnswerParser::command).filter(c -> c != null).forEach(commands::add);
                last = fence.end();
            }
        }
        prose.append(answer.substring(last));
        return new Parsed(prose.toString().replaceAll("\\n{3,}", "\n\n").strip(), List.copyOf(commands));
    }

    private static ProposedCommand command(String line) {
        String trimmed = line.strip();
        if (trimmed.startsWith("$ ")) {
            trimmed = trimmed.substring(2).strip();
        }
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return null;
        }
        int comment = trimmed.lastIndexOf(" # ");
        String command = comment > 0 ? trimmed.substring(0, comment).strip() : trimmed;
        String description = comment > 0 ? trimmed.substring(comment + 3).strip() : "";
        // risk is a placeholder: the validator sets it from the command text before anything leaves the worker
        return new ProposedCommand(command, description, Risk.SAFE, "", false);
    }
}

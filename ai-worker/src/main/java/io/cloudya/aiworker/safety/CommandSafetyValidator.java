package io.cloudya.aiworker.safety;

import io.cloudya.contracts.ai.ProposedCommand;
import io.cloudya.contracts.ai.Risk;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Judges every proposed command on its own text, whatever the model claimed: the line is split into the simple
 * commands it runs, each is judged, and the worst part wins. The model's own risk can only raise the verdict.
 * {@code requiresConfirmation} follows from the risk alone (anything not safe), so a dangerous command can never
 * be run unconfirmed, in execute mode or any other.
 */
@Component
public class CommandSafetyValidator {

    private final DangerousPatternRules rules;

    public CommandSafetyValidator() {
        this(DangerousPatternRules.shipped());
    }

    CommandSafetyValidator(DangerousPatternRules rules) {
        this.rules = rules;
    }

    public SafetyVerdict validate(String line) {
        var wholeLine = rules.dangerousLine(line);
        if (wholeLine.isPresent()) {
            return new SafetyVerdict(Risk.DANGEROUS, wholeLine.get().reason(), wholeLine.get().id(), line);
        }
        List<String> parts = ShellSplitter.split(line);
        if (parts.isEmpty()) {
            return new SafetyVerdict(Risk.SAFE, "Does nothing.", "empty", line);
        }
        SafetyVerdict worst = null;
        for (String part : parts) {
            SafetyVerdict verdict = rules.judge(part);
            if (worst == null || verdict.isWorseThan(worst)) {
                worst = verdict;
            }
        }
        return worst;
    }

    /** The command with risk, reason and confirmation set by the validator (never lowered below the model's). */
    public ProposedCommand review(ProposedCommand proposed) {
        SafetyVerdict verdict = validate(proposed.command());
        Risk claimed = proposed.risk() == null ? Risk.SAFE : proposed.risk();
        Risk risk = claimed.ordinal() > verdict.risk().ordinal() ? claimed : verdict.risk();
        String reason = risk == verdict.risk() ? verdict.reason() : proposed.reason();
        return new ProposedCommand(proposed.command(), proposed.description(), risk, reason, risk != Risk.SAFE);
    }

    public List<ProposedCommand> review(List<ProposedCommand> proposed) {
        return proposed.stream().map(this::review).toList();
    }
}

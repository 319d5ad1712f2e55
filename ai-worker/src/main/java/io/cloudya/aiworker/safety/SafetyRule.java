package io.cloudya.aiworker.safety;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.cloudya.contracts.ai.Risk;
import java.util.Locale;

/** One line of safety/rules.yml: a pattern, what it means and where it is matched. */
public record SafetyRule(String id, Risk risk, Scope scope, String pattern, String reason) {

    /** {@code command}: each simple command after splitting; {@code line}: the whole line as generated. */
    public enum Scope {
        COMMAND, LINE;

        @JsonCreator
        static Scope of(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    public SafetyRule {
        scope = scope == null ? Scope.COMMAND : scope;
    }

    SafetyRule withRisk(Risk defaultRisk) {
        return new SafetyRule(id, risk == null ? defaultRisk : risk, scope, pattern, reason);
    }
}

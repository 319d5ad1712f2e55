package io.cloudya.aiworker.safety;

import io.cloudya.contracts.ai.Risk;

/** The validator's judgement of one command line: its risk, why, and the rule (or part) that decided it. */
public record SafetyVerdict(Risk risk, String reason, String ruleId, String part) {

    public boolean isWorseThan(SafetyVerdict other) {
        return risk.ordinal() > other.risk.ordinal();
    }
}

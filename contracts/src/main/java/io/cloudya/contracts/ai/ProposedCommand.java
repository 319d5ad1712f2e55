package io.cloudya.contracts.ai;

/** One shell command the answer proposes, with its safety classification. */
public record ProposedCommand(
        String command, String description, Risk risk, String reason, boolean requiresConfirmation) {
}

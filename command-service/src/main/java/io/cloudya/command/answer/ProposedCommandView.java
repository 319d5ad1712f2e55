package io.cloudya.command.answer;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.cloudya.contracts.ai.ProposedCommand;
import io.cloudya.contracts.ai.Risk;

/** One proposed command as the CLI reads it (snake_case). */
public record ProposedCommandView(
        String command, String description, Risk risk, String reason,
        @JsonProperty("requires_confirmation") boolean requiresConfirmation) {

    public static ProposedCommandView of(ProposedCommand command) {
        return new ProposedCommandView(command.command(), command.description(), command.risk(), command.reason(),
                command.requiresConfirmation());
    }
}

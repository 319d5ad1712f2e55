package io.cloudya.aiworker.provider;

import io.cloudya.contracts.ai.ProposedCommand;
import java.util.List;

/** A provider's answer before word counting; the engine adds which provider it came from. */
public record AnswerDraft(String response, List<ProposedCommand> commands, String model) {

    public AnswerDraft {
        commands = List.copyOf(commands);
    }
}

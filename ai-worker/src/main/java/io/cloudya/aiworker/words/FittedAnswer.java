package io.cloudya.aiworker.words;

import io.cloudya.contracts.ai.ProposedCommand;
import java.util.List;

/** An answer cut to the job's word cap, with the words it uses (what the ledger will charge). */
public record FittedAnswer(String response, List<ProposedCommand> commands, int wordsUsed) {
}

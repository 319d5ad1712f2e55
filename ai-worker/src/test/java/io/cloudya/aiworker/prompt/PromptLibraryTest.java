package io.cloudya.aiworker.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudya.aiworker.knowledge.KnowledgeBase;
import io.cloudya.aiworker.knowledge.KnowledgeRetriever;
import io.cloudya.aiworker.provider.AnswerRequest;
import io.cloudya.contracts.command.ExecutionMode;
import org.junit.jupiter.api.Test;

class PromptLibraryTest {

    private final PromptLibrary prompts = new PromptLibrary(new KnowledgeRetriever(
            KnowledgeBase.load(getClass().getResourceAsStream("/knowledge/offline-kb.yml"), 2).entries()), 2);

    @Test
    void shouldPutModeFormatAndTheMostRelevantEntriesIntoThePrompt() {
        var prompt = prompts.prompt(new AnswerRequest("destroy terraform infrastructure", ExecutionMode.EXPLAIN));

        String system = prompt.getInstructions().getFirst().getText();
        String user = prompt.getInstructions().getLast().getText();
        assertThat(system).contains("Execution mode: explain").contains("Do not add a commands block")
                .contains("```commands");
        assertThat(user).contains("`terraform destroy` (dangerous)").contains("destroy terraform infrastructure");
        assertThat(user.lines().filter(l -> l.startsWith("- ["))).hasSize(2);
    }
}

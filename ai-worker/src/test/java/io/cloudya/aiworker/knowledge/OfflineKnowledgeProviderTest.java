package io.cloudya.aiworker.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudya.aiworker.provider.AnswerRequest;
import io.cloudya.contracts.ai.Risk;
import io.cloudya.contracts.command.ExecutionMode;
import org.junit.jupiter.api.Test;

class OfflineKnowledgeProviderTest {

    private final OfflineKnowledgeProvider provider = OfflineKnowledge.answerer();

    @Test
    void shouldProposeSafeCommandWithoutConfirmationInSuggestMode() {
        var answer = provider.answer(new AnswerRequest("list pods in namespace web", ExecutionMode.SUGGEST))
                .orElseThrow();

        assertThat(answer.commands()).singleElement().satisfies(c -> {
            assertThat(c.command()).isEqualTo("kubectl get pods -n web");
            assertThat(c.risk()).isEqualTo(Risk.SAFE);
            assertThat(c.requiresConfirmation()).isFalse();
        });
        assertThat(answer.model()).isEqualTo("kb-2026.11");
    }

    @Test
    void shouldRequireConfirmationForDangerousCommandInExecuteMode() {
        var answer = provider.answer(new AnswerRequest("destroy terraform infrastructure", ExecutionMode.EXECUTE))
                .orElseThrow();

        assertThat(answer.commands()).singleElement().satisfies(c -> {
            assertThat(c.risk()).isEqualTo(Risk.DANGEROUS);
            assertThat(c.requiresConfirmation()).isTrue();
        });
    }

    @Test
    void shouldExplainWithoutRunnableCommandsInExplainMode() {
        var answer = provider.answer(new AnswerRequest("list pods in namespace web", ExecutionMode.EXPLAIN))
                .orElseThrow();

        assertThat(answer.commands()).isEmpty();
        assertThat(answer.response()).contains("kubectl get pods -n web").contains("readiness");
    }

    @Test
    void shouldListCoveredTopicsWhenNothingMatches() {
        var answer = provider.answer(new AnswerRequest("bake banana bread", ExecutionMode.SUGGEST)).orElseThrow();

        assertThat(answer.commands()).isEmpty();
        assertThat(answer.response()).contains("no entry").contains("Kubernetes").contains("Terraform")
                .contains("Linux");
    }
}

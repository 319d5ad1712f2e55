package io.cloudya.aiworker.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KnowledgeRetrieverTest {

    private final KnowledgeRetriever retriever = OfflineKnowledge.retriever();

    @Test
    void shouldRankTheEntryThatAnswersTheQuestionFirstWithStemming() {
        var found = retriever.retrieve("how do I scale my deployments to more replicas", 3);

        assertThat(found).hasSize(3);
        assertThat(found.getFirst().entry().id()).isEqualTo("k8s-scale-deployment");
        assertThat(found.getFirst().score()).isGreaterThan(found.getLast().score());
    }

    @Test
    void shouldFindNothingForAQuestionSharingNoTerm() {
        assertThat(retriever.retrieve("banana bread recipe", 5)).isEmpty();
        assertThat(retriever.retrieve("the and of", 5)).isEmpty();
    }
}

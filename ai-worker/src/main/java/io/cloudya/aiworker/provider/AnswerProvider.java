package io.cloudya.aiworker.provider;

import java.util.Optional;

/** One source of answers (a model API, the offline knowledge base), asked in failover order. */
public interface AnswerProvider {

    /** The name reported in AiJobCompleted.provider. */
    String name();

    /**
     * An answer, or empty when this provider cannot answer now and the next one should be asked; throwing has
     * the same effect. Text is passed to {@code stream} as it is generated.
     */
    Optional<AnswerDraft> answer(AnswerRequest request, AnswerStream stream);

    default Optional<AnswerDraft> answer(AnswerRequest request) {
        return answer(request, AnswerStream.DISCARD);
    }
}

package io.cloudya.aiworker.provider;

import java.util.Optional;

/** One source of answers (a model API, the offline knowledge base). Ordered with {@code @Order}. */
public interface AnswerProvider {

    /** The name reported in AiJobCompleted.provider. */
    String name();

    /** An answer, or empty when this provider cannot answer now and the next one should be asked. */
    Optional<AnswerDraft> answer(AnswerRequest request);
}

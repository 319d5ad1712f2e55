package io.cloudya.aiworker.provider;

import org.springframework.ai.chat.prompt.Prompt;

/** Turns a request into the prompt a model is sent (templates, knowledge entries, execution mode). */
@FunctionalInterface
public interface PromptFactory {

    Prompt prompt(AnswerRequest request);
}

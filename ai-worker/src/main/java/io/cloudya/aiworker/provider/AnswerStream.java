package io.cloudya.aiworker.provider;

/** Receives the pieces of an answer as a provider generates them, in order (for streaming to the client). */
@FunctionalInterface
public interface AnswerStream {

    AnswerStream DISCARD = text -> { };

    void chunk(String text);
}
